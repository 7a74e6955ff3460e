using Microsoft.Extensions.Options;
using SoraStudio.SoraApi;

namespace SoraStudio.Web.Generation;

/// <summary>
/// Which provider this studio talks to, as recorded on every take it submits (<see cref="Data.Take.Provider"/>): the
/// normalised base URL of its Videos API, or <see cref="BuiltInEmulator"/>. Never the key. A take is polled,
/// downloaded, reconciled and deleted only at the provider it was submitted to.
/// </summary>
public sealed class VideosProvider(VideosBackend backend, IOptions<VideosApiOptions> options)
{
    /// <summary>The in-process emulator: its address is this process's own and changes with every start.</summary>
    public const string BuiltInEmulator = "built-in-emulator";

    /// <summary>Set aside because the studio now talks to another provider (see <see cref="ChangedMessage"/>).</summary>
    public const string ChangedCode = "provider_changed";

    public string Current { get; } = backend.InProcessEmulator ? BuiltInEmulator : Normalise(options.Value.BaseUrl);

    /// <summary>True for a take submitted here, or before providers were recorded (null).</summary>
    public bool IsCurrent(string? recorded) => recorded is null || recorded == Current;

    /// <summary>Scheme and host in lower case, no default port, no query, no trailing slash.</summary>
    public static string Normalise(string baseUrl) =>
        Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : baseUrl.Trim().TrimEnd('/');

    /// <summary>A provider in plain words.</summary>
    public static string Describe(string provider) => provider == BuiltInEmulator ? "the built-in emulator" : provider;

    public static string ChangedMessage(string submittedTo, string current) =>
        $"Submitted to {Describe(submittedTo)}; this studio now uses {Describe(current)}, which was asked nothing about it. " +
        "Switch back on Settings (and restart the studio) to resume it.";
}
