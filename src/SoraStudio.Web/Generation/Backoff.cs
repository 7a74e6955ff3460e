namespace SoraStudio.Web.Generation;

internal static class Backoff
{
    /// <summary>The wait after <paramref name="failures"/> transient failures in a row: doubling, capped, 75–100 % jittered.</summary>
    public static TimeSpan Retry(GenerationOptions options, int failures, TimeSpan? serverAsked = null)
    {
        var exponential = options.RetryDelay * Math.Pow(2, Math.Clamp(failures - 1, 0, 20));
        var capped = exponential < options.MaxRetryDelay ? exponential : options.MaxRetryDelay;
        var jittered = capped * (1 - 0.25 * Random.Shared.NextDouble());
        return serverAsked is { } asked && asked > jittered ? asked : jittered;
    }

    /// <summary>The wait before the next status poll: growing from the poll interval, never shorter than the API's hint.</summary>
    public static TimeSpan Poll(GenerationOptions options, int pollsMade, TimeSpan? hint)
    {
        var grown = options.PollInterval * Math.Pow(options.PollBackoff, Math.Clamp(pollsMade, 0, 50));
        var interval = grown < options.MaxPollInterval ? grown : options.MaxPollInterval;
        return hint is { } h && h > interval ? h : interval;
    }
}
