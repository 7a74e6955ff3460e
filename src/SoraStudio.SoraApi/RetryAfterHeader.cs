using System.Globalization;
using System.Net.Http.Headers;

namespace SoraStudio.SoraApi;

/// <summary>The server's requested wait, read the way the official SDKs read it.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Parse(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (First(headers, "retry-after-ms") is { } millisText
            && double.TryParse(millisText, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis)
            && double.IsFinite(millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }
        if (First(headers, "Retry-After") is not { } text)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return double.IsFinite(seconds) && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
