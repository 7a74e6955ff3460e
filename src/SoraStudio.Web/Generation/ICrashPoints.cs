namespace SoraStudio.Web.Generation;

/// <summary>
/// Named points between two state writes of the worker. In production nothing happens there; the crash-safety
/// tests make a point throw, stop the worker, start another, and check that nothing was lost or paid twice.
/// </summary>
internal interface ICrashPoints
{
    void Hit(string name);
}

internal sealed class NoCrashPoints : ICrashPoints
{
    public void Hit(string name)
    {
    }
}

/// <summary>The points, in the order a take passes them.</summary>
internal static class CrashPoint
{
    public const string AfterLease = "after-lease";
    public const string AfterSubmittingIntent = "after-submitting-intent";
    public const string AfterCreateBeforeVideoId = "after-create-before-video-id";
    public const string AfterVideoIdWritten = "after-video-id-written";
    public const string AfterPollBeforeWrite = "after-poll-before-write";
    public const string AfterDownloadingWritten = "after-downloading-written";
    public const string AfterClipStoredBeforeRow = "after-clip-stored-before-row";
    public const string AfterClipRow = "after-clip-row";
    public const string BeforeReady = "before-ready";

    public static IReadOnlyList<string> All { get; } =
    [
        AfterLease, AfterSubmittingIntent, AfterCreateBeforeVideoId, AfterVideoIdWritten, AfterPollBeforeWrite,
        AfterDownloadingWritten, AfterClipStoredBeforeRow, AfterClipRow, BeforeReady,
    ];
}
