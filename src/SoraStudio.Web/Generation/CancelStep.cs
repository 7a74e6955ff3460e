using SoraStudio.SoraApi;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Generation;

/// <summary>A cancel asked for: the provider's job is deleted where it can be, then the take is Canceled.</summary>
internal sealed class CancelStep(IVideosApi api, ILogger<CancelStep> logger)
{
    /// <summary>Transient delete failures tolerated before the take is canceled with the job left at the provider.</summary>
    private const int MaxDeleteAttempts = 5;

    public async Task RunAsync(TakeStep step)
    {
        var take = step.Take;
        if (take.VideoId is null)
        {
            await step.FinishAsync(TakeStatus.Canceled, message: "Canceled before it was submitted.");
            return;
        }
        // Deleting at the current provider would touch someone else's video, or none: a person decides (dismiss or switch back).
        if (await step.SetAsideIfAtAnotherProviderAsync())
            return;
        string message;
        try
        {
            await api.DeleteVideoAsync(take.VideoId, step.Token);
            message = "Canceled; the provider's job was deleted.";
        }
        catch (VideosApiException e) when (e.Kind == ApiErrorKind.NotFound)
        {
            message = "Canceled; the provider no longer had the job.";
        }
        catch (VideosApiException e) when (e.Kind is ApiErrorKind.RateLimited or ApiErrorKind.Server or ApiErrorKind.Network
            && take.TransientFailures + 1 < MaxDeleteAttempts)
        {
            await step.RetryLaterAsync($"Deleting the job at the provider failed, retrying: {e.Message}", e.RetryAfter);
            return;
        }
        catch (VideosApiException e)
        {
            logger.LogWarning("Take {TakeId}: the provider did not delete {VideoId}: {Message}", take.Id, take.VideoId, e.Message);
            message = $"Canceled; the provider did not delete its job ({e.Message}).";
        }
        await step.FinishAsync(TakeStatus.Canceled, message: message);
    }
}
