using System.Text.RegularExpressions;

namespace SoraStudio.Core.StyleBible;

/// <summary>
/// The parts of a lighting or style description that must agree across the shots of a scene, after the guide's
/// "Lighting Consistency Across Shots": light source positions, colour temperature, time of day, weather and
/// light quality; for style, decade, film format and black-and-white versus colour. Each trait maps wording to a
/// few values ("sunset" and "golden hour" are the same time); two descriptions conflict on a trait when both name
/// it and share no value.
/// </summary>
internal static partial class LookTraits
{
    public sealed record Trait(string Name, Func<string, IReadOnlyList<string>> Values);

    public static readonly Trait[] Lighting =
    [
        new("key light side", t => Side().Matches(t).Take(1).Select(m => m.Value.ToLowerInvariant()).ToList()),
        new("colour temperature", t => Values(t, ("warm", WarmWords()), ("cool", CoolWords()), ("neutral", NeutralWords()))),
        new("time of day", t => Values(t, ("dawn", Dawn()), ("midday", Midday()), ("afternoon", Afternoon()), ("golden hour", GoldenHour()),
            ("twilight", Twilight()), ("night", Night()))),
        new("weather", t => Values(t, ("sunny", Sunny()), ("overcast", Overcast()), ("rain", Rain()), ("fog", Fog()), ("snow", Snow()))),
        new("light quality", t => Values(t, ("soft", Soft()), ("hard", Hard()))),
    ];

    public static readonly Trait[] Style =
    [
        new("decade", t => Decade().Matches(t).Select(m => m.Value.ToLowerInvariant()).Distinct().ToList()),
        new("film format", t => Format().Matches(t).Select(m => Space().Replace(m.Value.ToLowerInvariant(), " ")).Distinct().ToList()),
        new("colour", t => Values(t, ("black-and-white", BlackAndWhite()), ("colour", Colour()))),
    ];

    /// <summary>Each trait on which the two texts conflict: its name and the values of each side.</summary>
    public static IEnumerable<(string Trait, IReadOnlyList<string> Reference, IReadOnlyList<string> Shot)> Conflicts(
        Trait[] traits, string reference, string shot)
    {
        foreach (var trait in traits)
        {
            var a = trait.Values(reference);
            var b = trait.Values(shot);
            if (a.Count > 0 && b.Count > 0 && !a.Intersect(b).Any()) yield return (trait.Name, a, b);
        }
    }

    /// <summary>True when the texts share at least one descriptive word.</summary>
    public static bool ShareWords(string a, string b) => ContentWords(a).Overlaps(ContentWords(b));

    private static readonly HashSet<string> Filler =
    [
        "the", "and", "with", "from", "for", "into", "onto", "over", "under", "through", "across", "its", "their",
        "light", "lights", "lighting", "lit", "shot", "film", "style", "look", "camera",
    ];

    private static HashSet<string> ContentWords(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).Where(w => w.Length >= 3 && !Filler.Contains(w))];

    private static List<string> Values(string text, params (string Value, Regex Pattern)[] values) =>
        [.. values.Where(v => v.Pattern.IsMatch(text)).Select(v => v.Value)];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(?:left|right)\b", Options)] private static partial Regex Side();
    [GeneratedRegex(@"\b(?:warm\w*|tungsten|golden|amber|candle\w*|incandescent|sodium|firelight)\b", Options)] private static partial Regex WarmWords();
    [GeneratedRegex(@"\b(?:cool\w*|cold|blue|moonlight|moonlit|fluorescent|steel|cyan|icy)\b", Options)] private static partial Regex CoolWords();
    [GeneratedRegex(@"\b(?:neutral|balanced)\b", Options)] private static partial Regex NeutralWords();
    [GeneratedRegex(@"\b(?:dawn|sunrise|daybreak|morning)\b", Options)] private static partial Regex Dawn();
    [GeneratedRegex(@"\b(?:midday|noon|mid-day)\b", Options)] private static partial Regex Midday();
    [GeneratedRegex(@"\bafternoon\b", Options)] private static partial Regex Afternoon();
    [GeneratedRegex(@"\b(?:golden\s+hour|sunset)\b", Options)] private static partial Regex GoldenHour();
    [GeneratedRegex(@"\b(?:dusk|twilight|blue\s+hour)\b", Options)] private static partial Regex Twilight();
    [GeneratedRegex(@"\b(?:night|nighttime|midnight|moonlight|moonlit)\b", Options)] private static partial Regex Night();
    [GeneratedRegex(@"\b(?:sunny|clear\s+sky|cloudless)\b", Options)] private static partial Regex Sunny();
    [GeneratedRegex(@"\b(?:overcast|cloudy|clouded)\b", Options)] private static partial Regex Overcast();
    [GeneratedRegex(@"\b(?:rain\w*|drizzle|storm\w*)\b", Options)] private static partial Regex Rain();
    [GeneratedRegex(@"\b(?:fog\w*|mist\w*|haz[ey]\w*)\b", Options)] private static partial Regex Fog();
    [GeneratedRegex(@"\bsnow\w*\b", Options)] private static partial Regex Snow();
    [GeneratedRegex(@"\b(?:soft\w*|diffuse\w*|gentle)\b", Options)] private static partial Regex Soft();
    [GeneratedRegex(@"\b(?:hard|harsh)\b", Options)] private static partial Regex Hard();
    [GeneratedRegex(@"\b(?:1[89]\d0s|20\d0s)\b", Options)] private static partial Regex Decade();
    [GeneratedRegex(@"\b(?:8mm|super\s*8|16mm|35mm|65mm|70mm|imax|vhs|smartphone)\b", Options)] private static partial Regex Format();
    [GeneratedRegex(@"\b(?:black[\s-]+and[\s-]+white|monochrome|b&w)", Options)] private static partial Regex BlackAndWhite();
    [GeneratedRegex(@"\b(?:technicolor|full[\s-]+colou?r|colou?r\s+film|vibrant\s+colou?rs?)\b", Options)] private static partial Regex Colour();
    [GeneratedRegex(@"\s+")] private static partial Regex Space();
    [GeneratedRegex(@"[\p{L}\p{N}]+")] private static partial Regex WordPattern();
}
