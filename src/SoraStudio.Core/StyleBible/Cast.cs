using System.Text.RegularExpressions;

namespace SoraStudio.Core.StyleBible;

/// <summary>Whether a cast member's provider character can be sent with the studio's current provider.</summary>
public enum CastAvailability
{
    Usable,
    /// <summary>Made with another provider: its id means nothing to this one.</summary>
    OtherProvider,
    /// <summary>Not made yet, or its creation needs a person to look at it.</summary>
    NotReady,
}

/// <summary>A member of a project's cast as prompts name it: a provider character (<c>char_…</c>) made from a short clip.</summary>
public sealed record CastEntry(string Name, string? CharacterId, CastAvailability Availability)
{
    public bool IsUsable => Availability == CastAvailability.Usable && !string.IsNullOrEmpty(CharacterId);
}

/// <summary>Which cast members a prompt sends: the usable ones it names verbatim, in order of first mention, at most two.</summary>
/// <param name="OverLimit">Usable and named, but past the two a video can include.</param>
/// <param name="Unusable">Named, but made with another provider or not ready.</param>
public sealed record CastPick(IReadOnlyList<CastEntry> Sent, IReadOnlyList<CastEntry> OverLimit, IReadOnlyList<CastEntry> Unusable)
{
    public static CastPick None { get; } = new([], [], []);

    public IReadOnlyList<string> CharacterIds => [.. Sent.Select(c => c.CharacterId!)];
}

/// <summary>
/// The later guide's casting rule: a video includes at most two characters, and the prompt names each one verbatim.
/// A name counts where it stands as written (same letters, same case) and not inside a longer word.
/// </summary>
public static class Casting
{
    public const int MaxCharactersPerVideo = 2;

    public static CastPick Pick(string prompt, IEnumerable<CastEntry> cast)
    {
        ArgumentNullException.ThrowIfNull(cast);
        var named = cast
            .Select(c => (Entry: c, At: VerbatimIndex(prompt ?? "", c.Name)))
            .Where(x => x.At >= 0)
            .OrderBy(x => x.At).ThenBy(x => x.Entry.Name, StringComparer.Ordinal)
            .Select(x => x.Entry).ToList();
        var usable = named.Where(c => c.IsUsable).ToList();
        return new CastPick([.. usable.Take(MaxCharactersPerVideo)], [.. usable.Skip(MaxCharactersPerVideo)], [.. named.Where(c => !c.IsUsable)]);
    }

    /// <summary>Where <paramref name="name"/> first stands verbatim in <paramref name="text"/>, or -1.</summary>
    public static int VerbatimIndex(string text, string name) =>
        string.IsNullOrWhiteSpace(name) ? -1 : NamePattern(name, RegexOptions.None).Match(text) is { Success: true } m ? m.Index : -1;

    /// <summary>The name as a whole word (not inside a longer one), in the given case sensitivity.</summary>
    internal static Regex NamePattern(string name, RegexOptions options) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name.Trim())}(?![\p{{L}}\p{{N}}])", options | RegexOptions.CultureInvariant);
}
