using Microsoft.Extensions.Logging;
using SoraStudio.SoraApi;
using SoraStudio.Web.Generation;

namespace SoraStudio.TestSupport;

/// <summary>What a test (or a benchmark) changes about the studio it starts; the rest is the app as it ships.</summary>
public sealed class StudioTestOptions
{
    /// <summary>Configuration laid over the preset's (and over the app's own files and the environment).</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>false: no generation worker (for what happens before generation, or several hosts on one database).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Wraps the real Videos API client (e.g. to lose a create's response).</summary>
    public Func<IVideosApi, IVideosApi>? DecorateApi { get; set; }

    internal ICrashPoints? CrashPoints { get; set; }

    /// <summary>Makes the studio's owner <see cref="StudioTestHost.Tester"/> at start and the test scope act as them.</summary>
    public bool MakeTester { get; set; } = true;

    /// <summary>0 takes a free port of 127.0.0.1.</summary>
    public int Port { get; set; }

    /// <summary>Development by default, as the tests always ran; benchmarks run as Production.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Receives the host's log entries (Warning and up unless <see cref="Settings"/> say otherwise).</summary>
    public ILoggerProvider? Logs { get; set; }

    /// <summary>The studio's clock (e.g. one the test moves); the system's when null.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Deletes the data folder when the host is disposed.</summary>
    public bool DeleteDataOnDispose { get; set; }
}
