using Microsoft.Extensions.Options;

namespace SoraStudio.SoraApi;

/// <summary>Fails fast on start with a message that names the setting (and never shows the key).</summary>
internal sealed class VideosApiOptionsValidator : IValidateOptions<VideosApiOptions>
{
    // Configuration binds "60" as sixty days: anything above a day is almost surely a missing "00:00:".
    private static readonly TimeSpan LongestSensibleTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, VideosApiOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(VideosApiOptions options)
    {
        var result = new VideosApiOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(VideosApiOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Failures(VideosApiOptions o)
    {
        const string s = VideosApiOptions.SectionName;
        if (!Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"{s}:BaseUrl must be an absolute http(s) URL such as {VideosApiOptions.DefaultBaseUrl}, not '{o.BaseUrl}'.";
        }
        if (string.IsNullOrWhiteSpace(o.ApiKey))
        {
            yield return $"{s}:ApiKey is required (or set OPENAI_API_KEY).";
        }
        else if (o.ApiKey.Any(char.IsWhiteSpace))
        {
            yield return $"{s}:ApiKey contains whitespace; check how it was pasted.";
        }
        foreach (var (setting, value) in new[] { ("Timeout", o.Timeout), ("DownloadTimeout", o.DownloadTimeout) })
        {
            if (value <= TimeSpan.Zero || value > LongestSensibleTimeout)
            {
                yield return $"{s}:{setting} must be between 00:00:00 and 1.00:00:00 (write hh:mm:ss), not {value}.";
            }
        }
        if (o.MaxRetries is < 0 or > 10)
        {
            yield return $"{s}:MaxRetries must be between 0 and 10, not {o.MaxRetries}.";
        }
        if (o.BaseDelay < TimeSpan.Zero || o.MaxDelay < o.BaseDelay)
        {
            yield return $"{s}:BaseDelay must be at least 0 and at most MaxDelay ({o.BaseDelay} > {o.MaxDelay}?).";
        }
        if (o.MaxRetryAfter < TimeSpan.Zero || o.MaxRetryAfter > LongestSensibleTimeout)
        {
            yield return $"{s}:MaxRetryAfter must be between 00:00:00 and 1.00:00:00, not {o.MaxRetryAfter}.";
        }
    }
}
