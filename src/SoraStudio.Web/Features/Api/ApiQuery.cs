using System.Globalization;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Api;

/// <summary>Query-string values read by hand, so that a bad one is named in the problem instead of a bare 400.</summary>
internal static class ApiQuery
{
    public static int Int(string? text, string field, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        errors[field] = [$"“{text}” is not a whole number."];
        return fallback;
    }

    public static TakeStatus? Status(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (!int.TryParse(text, out _) && Enum.TryParse<TakeStatus>(text, ignoreCase: true, out var status))
            return status;
        errors["status"] = [$"“{text}” is not a take status; one of {string.Join(", ", Enum.GetNames<TakeStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        return null;
    }
}
