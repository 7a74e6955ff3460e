using SoraStudio.Emulator;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>The emulator on a real port, with renders that take a fraction of a second.</summary>
public static class Emulators
{
    /// <summary>Simulated render time per second of clip: a 4 s take renders in 0.2 s.</summary>
    public const double RenderSecondsPerVideoSecond = 0.05;

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null, bool ffmpeg = false) =>
        EmulatorServer.StartAsync(options =>
        {
            options.RenderSecondsPerVideoSecond = RenderSecondsPerVideoSecond;
            options.QueueDelayMs = 50;
            options.PollAfterMs = 100;
            // The committed sample clips are real MP4/WebP/JPEG files; ffmpeg only where a test needs distinct clips.
            options.Media.UseFfmpeg = ffmpeg;
            options.Media.FramesPerSecond = 8;
            options.Media.Threads = 1;
            configure?.Invoke(options);
        });
}
