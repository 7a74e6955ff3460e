using System.Text.RegularExpressions;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Core.Advice.Rules;

/// <summary>
/// The later guide on characters: a cast character is sent only when the prompt names it verbatim, and a video
/// includes at most two. Warns where a cast member is named in another case ("mara" for "Mara", with a fix that
/// writes the name as cast), where more than two are named, and where a named one cannot be sent with this provider.
/// Built per project, with its cast.
/// </summary>
public sealed class CastNamesRule(IReadOnlyList<CastEntry> cast) : IAdviceRule
{
    public string Code => "cast-names";

    public IEnumerable<Advice> Check(ShotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (cast.Count == 0) yield break;
        var prompt = PromptRenderer.Render(spec);
        var pick = Casting.Pick(prompt, cast);

        foreach (var member in cast.Where(c => !string.IsNullOrWhiteSpace(c.Name) && Casting.VerbatimIndex(prompt, c.Name) < 0))
        {
            var loose = Casting.NamePattern(member.Name, RegexOptions.IgnoreCase).Match(prompt);
            if (!loose.Success) continue;
            yield return new Advice(Code,
                $"“{loose.Value}” is written differently from the cast member “{member.Name.Trim()}”: a character is sent only when the prompt names it verbatim.",
                FieldOf(spec, member.Name), AdviceSeverity.Warning)
            {
                FixLabel = $"Write “{member.Name.Trim()}”",
                Fix = Renamed(spec, member.Name.Trim()),
            };
        }
        if (pick.OverLimit.Count > 0)
        {
            var named = pick.Sent.Concat(pick.OverLimit).Select(c => c.Name).ToList();
            yield return new Advice(Code,
                $"The prompt names {named.Count} cast members ({string.Join(", ", named)}); a video includes at most {Casting.MaxCharactersPerVideo} characters, " +
                $"so only {string.Join(" and ", pick.Sent.Select(c => c.Name))} are sent. Leave the others out or split the shot.",
                SpecFields.Scene, AdviceSeverity.Warning);
        }
        foreach (var member in pick.Unusable)
        {
            yield return member.Availability == CastAvailability.OtherProvider
                ? new Advice(Code,
                    $"{member.Name} was made with another provider and cannot be used with this one: the shot is sent without their character. Make them again here.",
                    FieldOf(spec, member.Name), AdviceSeverity.Warning)
                : new Advice(Code, $"{member.Name}'s character is not ready, so it is not sent with this shot.", FieldOf(spec, member.Name), AdviceSeverity.Info);
        }
        if (pick.Sent.Count > 0)
        {
            yield return new Advice(Code,
                $"Sends the character{(pick.Sent.Count == 1 ? "" : "s")} of {string.Join(" and ", pick.Sent.Select(c => c.Name))}: " +
                "their look comes from the character, so describe what they do rather than how they look.",
                SpecFields.Scene, AdviceSeverity.Info);
        }
    }

    /// <summary>The first field that names the member, in any case.</summary>
    private static string FieldOf(ShotSpec spec, string name)
    {
        var pattern = Casting.NamePattern(name, RegexOptions.IgnoreCase);
        if (pattern.IsMatch(spec.Scene)) return SpecFields.Scene;
        if (spec.Actions.Any(b => pattern.IsMatch(b.Text))) return SpecFields.Actions;
        if (spec.Dialogue.Any(d => pattern.IsMatch(d.Speaker) || pattern.IsMatch(d.Text))) return SpecFields.Dialogue;
        return SpecFields.Scene;
    }

    /// <summary>Every mention of the name in scene, actions and dialogue written as cast.</summary>
    private static ShotSpec Renamed(ShotSpec spec, string name)
    {
        var pattern = Casting.NamePattern(name, RegexOptions.IgnoreCase);
        string Fix(string text) => pattern.Replace(text, name);
        return spec with
        {
            Scene = Fix(spec.Scene),
            Actions = [.. spec.Actions.Select(b => b with { Text = Fix(b.Text) })],
            Dialogue = [.. spec.Dialogue.Select(d => d with { Speaker = Fix(d.Speaker), Text = Fix(d.Text) })],
        };
    }
}
