using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SoraStudio.Emulator.Media;

/// <summary>Produces a job's media folder atomically: ffmpeg when usable, else (or when ffmpeg fails) the sample clips.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its AvailableWaitHandle is used; a disposed one would throw at a late Release during shutdown.")]
internal sealed class MediaRenderer(FfmpegDetector detector, FfmpegRenderer ffmpeg, IOptions<EmulatorOptions> options, ILogger<MediaRenderer> logger)
{
    private readonly SemaphoreSlim _renderSlots = new(Math.Max(1, options.Value.Media.MaxConcurrentRenders));

    public async Task<RenderedMedia> RenderAsync(RenderRequest request, string targetFolder, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(targetFolder))!;
        Directory.CreateDirectory(parent);
        var work = Path.Combine(parent, $".render-{request.Id}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var media = await RenderIntoAsync(request, work, cancellationToken);
            if (Directory.Exists(targetFolder))
            {
                Directory.Delete(targetFolder, recursive: true);
            }
            Directory.Move(work, targetFolder);
            return media;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private async Task<RenderedMedia> RenderIntoAsync(RenderRequest request, string work, CancellationToken cancellationToken)
    {
        var capabilities = await detector.GetAsync();
        if (capabilities.Available)
        {
            await _renderSlots.WaitAsync(cancellationToken);
            try
            {
                var started = Stopwatch.GetTimestamp();
                var media = await ffmpeg.RenderAsync(request, capabilities, work, cancellationToken);
                logger.LogInformation("Rendered {VideoId} ({Width}x{Height}, {Seconds} s) with ffmpeg in {Milliseconds} ms",
                    request.Id, request.Width, request.Height, request.Seconds, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return media;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
            {
                logger.LogWarning("ffmpeg failed for {VideoId}, serving a sample clip instead: {Error}", request.Id, e.Message);
                foreach (var file in Directory.GetFiles(work))
                {
                    File.Delete(file);
                }
            }
            finally
            {
                _renderSlots.Release();
            }
        }
        return await SampleMedia.CopyToAsync(request, work, cancellationToken);
    }
}
