using System.Security.Cryptography;
using System.Text;

namespace SoraStudio.Web.Security;

/// <summary>
/// The Content-Security-Policy of every page: what Blazor Server and a component library need, and nothing from
/// elsewhere. Apart from <see cref="LibraryEventHandlers"/> it names nothing of a component library, so it holds for
/// Radzen today and MudBlazor later.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <summary>
    /// Inline event handlers the component library writes into its own markup, allowed by the hash of their exact text
    /// (CSP's 'unsafe-hashes': these texts run, no other handler does, so an injected one stays blocked). Radzen's
    /// autocomplete sets <c>onmousedown="Radzen.activeElement = null"</c> on every suggestion. A library that writes no
    /// inline handlers (MudBlazor) needs none: empty the list with the port.
    /// </summary>
    public static IReadOnlyList<string> LibraryEventHandlers { get; } = ["Radzen.activeElement = null"];

    public static string Value { get; } = string.Join("; ",
        "default-src 'self'",
        // Scripts only from the studio's own files: no inline scripts, no eval (Blazor Server needs neither).
        "script-src 'self'",
        "script-src-attr " + (LibraryEventHandlers.Count == 0 ? "'none'" : "'unsafe-hashes' " + string.Join(" ", LibraryEventHandlers.Select(Hash))),
        // Component libraries set style attributes and inject <style> elements for positions, sizes and themes (popups,
        // virtualised grids, progress bars); a style cannot run code, so allowing inline styles costs little.
        "style-src 'self' 'unsafe-inline'",
        // Thumbnails, clips and fonts are served by the studio; the reference-image crop previews through data: and
        // blob: URLs, and a theme may embed icons as data: URLs.
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "font-src 'self' data:",
        // The circuit's WebSocket (CSP Level 3: 'self' covers ws:/wss: to the same host) and enhanced navigation's fetches.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        // No page of the studio may be framed by another site (clickjacking).
        "frame-ancestors 'none'");

    private static string Hash(string handler) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(handler)))}'";
}
