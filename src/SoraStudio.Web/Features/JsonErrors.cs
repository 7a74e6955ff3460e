using System.Text.Json;
using System.Text.RegularExpressions;

namespace SoraStudio.Web.Features;

/// <summary>
/// Why a JSON document was refused, in the words of someone who wrote it: the field as a JSON path without "$."
/// ("spec.actions[2].text", or "body" for the document itself) and a message that names no .NET type.
/// </summary>
public static partial class JsonErrors
{
    public static (string Field, string Message) Describe(JsonException error)
    {
        // A list's entries are read by a nested serializer (ValueList's converter): its path continues the outer one.
        var path = error.Path ?? "";
        var innermost = error;
        while (innermost.InnerException is JsonException inner)
        {
            path += (inner.Path ?? "").TrimStart('$');
            innermost = inner;
        }
        path = path.TrimStart('$').TrimStart('.');
        var message = innermost.Message;

        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            var name = unknown.Groups[1].Value;
            return (Join(path, name), $"Unknown field “{name}”; names are camelCase and exact.");
        }
        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
            return (Join(path, duplicate.Groups[1].Value), $"The field “{duplicate.Groups[1].Value}” appears twice; give each field once.");
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            var names = missing.Groups[1].Value.Split(", ").Select(n => n.Trim('\'')).ToList();
            var prefix = path.Length == 0 ? "" : path + ".";
            return (prefix + names[0], $"Required: {string.Join(", ", names.Select(n => prefix + n))}.");
        }
        if (NullNotAllowed().Match(message) is { Success: true } nulled)
            // The message names the .NET member ("Name"); the path already ends with the JSON name ("name").
            return (Join(path, JsonNamingPolicy.CamelCase.ConvertName(nulled.Groups[1].Value)), "This field cannot be null.");
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return (path.Length == 0 ? "body" : path, WrongValue(innermost.InnerException));
        if (path.Length == 0)
            return ("body", $"The body is not valid JSON: {Plain(message)}");
        return (path, Plain(message));
    }

    /// <summary>What the value should have been, from the reader's complaint about the token it found.</summary>
    private static string WrongValue(Exception? cause)
    {
        if (cause is InvalidOperationException && TokenMismatch().Match(cause.Message) is { Success: true } mismatch)
            return $"Expected {Expected(mismatch.Groups[2].Value)}, not {Found(mismatch.Groups[1].Value)}.";
        if (cause?.Message.Contains("UTF-16", StringComparison.Ordinal) == true)
            return "The text is not valid Unicode (it holds an unpaired surrogate).";
        if (cause is FormatException)
            return "The number is out of range, or not the kind this field takes (a whole number where one is needed).";
        return "This value has the wrong type or format for this field.";
    }

    private static string Expected(string kind) => kind switch
    {
        "number" => "a number",
        "string" => "text (a JSON string)",
        "boolean" => "true or false",
        _ => "another kind of value",
    };

    private static string Found(string token) => token switch
    {
        "String" => "text",
        "Number" => "a number",
        "True" or "False" => "true or false",
        "StartObject" => "an object",
        "StartArray" => "a list",
        "Null" => "null",
        _ => "this value",
    };

    private static string Join(string path, string name) =>
        path.Length == 0 ? name : path.EndsWith(name, StringComparison.Ordinal) ? path : $"{path}.{name}";

    /// <summary>The reader's own words without positions, paths or type names.</summary>
    private static string Plain(string message) =>
        TypeName().Replace(message.Split(" Path:")[0].Split(" LineNumber:")[0], "").Trim();

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"Duplicate property '([^']+)'")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$", RegexOptions.Multiline)]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"(?:property or field|constructor parameter|property) '([^']+)' .*(?:doesn't allow|does not allow) (?:getting|setting|null)")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"token type '(\w+)' as an? (\w+)")]
    private static partial Regex TokenMismatch();

    [GeneratedRegex(@"\s*(?:(?:to|on|for|of) type '[^']+'|\b(?:System|Microsoft|SoraStudio)\.[\w.`\[\],+]+)")]
    private static partial Regex TypeName();
}
