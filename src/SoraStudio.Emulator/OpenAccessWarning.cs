using System.Net;

namespace SoraStudio.Emulator;

/// <summary>
/// The standalone emulator without <see cref="EmulatorOptions.ApiKey"/> accepts any bearer key. That is the
/// documented behaviour for local use, but on an address others can reach it hands out every prompt and clip,
/// so the emulator says so loudly at start.
/// </summary>
internal static class OpenAccessWarning
{
    public static string? For(string? apiKey, IEnumerable<string> listeningAddresses)
    {
        if (!string.IsNullOrEmpty(apiKey))
            return null;
        var exposed = listeningAddresses.Where(a => !IsLoopback(a)).ToList();
        return exposed.Count == 0
            ? null
            : $"The emulator accepts ANY API key and listens on {string.Join(", ", exposed)}: anyone who reaches it can list "
              + "prompts, download clips, start renders and delete videos. Set Emulator:ApiKey, or listen on 127.0.0.1 only.";
    }

    private static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host;
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
