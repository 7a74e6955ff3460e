using System.Text;
using SoraStudio.Core.Spec;
using static SoraStudio.Core.Prompting.PromptText;

namespace SoraStudio.Core.Prompting;

/// <summary>
/// Writes a <see cref="ShotSpec"/> as prompt text in the guide's layout: the five-part structure (style, scene,
/// cinematography, actions, dialogue, background sound), then the ultra-detailed sections that are filled.
/// Empty sections, beats and dialogue lines are left out (<see cref="EmptyRows"/>). The text reads back with
/// <see cref="PromptParser.Parse(string?)"/> into the same spec, less those empty rows.
/// Runs on every keystroke: one reused <see cref="StringBuilder"/>, no regex, no LINQ.
/// </summary>
public static class PromptRenderer
{
    private const int MaxCachedCapacity = 32 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_cached;

    public static string Render(ShotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = t_cached ?? new StringBuilder(4096);
        t_cached = null;
        sb.Clear();
        try
        {
            WriteFivePart(sb, spec);
            UltraDetailWriter.Write(sb, spec.Ultra);
            if (sb.Length > 0) sb.Length--; // the last line's LF
            return sb.ToString();
        }
        finally
        {
            if (sb.Capacity <= MaxCachedCapacity) t_cached = sb;
        }
    }

    private static void WriteFivePart(StringBuilder sb, ShotSpec spec)
    {
        if (HasText(spec.Style))
        {
            BeginSection(sb);
            Labelled(sb, "Style", spec.Style);
        }
        if (HasText(spec.Scene))
        {
            BeginSection(sb);
            Body(sb, spec.Scene);
        }
        WriteCinematography(sb, spec.Cinematography);
        WriteActions(sb, spec.Actions);
        WriteDialogue(sb, spec.Dialogue);
        if (HasText(spec.BackgroundSound))
        {
            BeginSection(sb);
            sb.Append("Background Sound:\n");
            Body(sb, spec.BackgroundSound);
        }
    }

    private static void WriteCinematography(StringBuilder sb, Cinematography c)
    {
        var hasPalette = false;
        foreach (var anchor in c.PaletteAnchors) hasPalette |= HasText(anchor);
        if (!hasPalette && !HasText(c.CameraShot) && !HasText(c.Angle) && !HasText(c.Movement) && !HasText(c.Lens)
            && !HasText(c.DepthOfField) && !HasText(c.Lighting) && !HasText(c.Mood))
            return;
        BeginSection(sb);
        sb.Append("Cinematography:\n");
        Labelled(sb, "Camera shot", c.CameraShot);
        Labelled(sb, "Angle", c.Angle);
        Labelled(sb, "Camera movement", c.Movement);
        Labelled(sb, "Lens", c.Lens);
        Labelled(sb, "Depth of field", c.DepthOfField);
        Labelled(sb, c.LightingIncludesPalette ? "Lighting + palette" : "Lighting", c.Lighting);
        if (hasPalette) WritePalette(sb, c.PaletteAnchors);
        Labelled(sb, "Mood", c.Mood);
    }

    private static void WritePalette(StringBuilder sb, ValueList<string> anchors)
    {
        sb.Append("Palette anchors: ");
        var first = true;
        foreach (var anchor in anchors)
        {
            if (!HasText(anchor)) continue;
            if (!first) sb.Append(", ");
            Inline(sb, anchor);
            first = false;
        }
        sb.Append('\n');
    }

    private static void WriteActions(StringBuilder sb, ValueList<Beat> actions)
    {
        if (!AnyFilled(actions)) return;
        BeginSection(sb);
        sb.Append("Actions:\n");
        foreach (var beat in actions)
        {
            if (EmptyRows.IsEmpty(beat)) continue;
            sb.Append('-');
            if (beat.StartSeconds is not null || beat.EndSeconds is not null)
            {
                sb.Append(' ');
                BeatTiming.Append(sb, beat.StartSeconds, beat.EndSeconds);
            }
            var first = FirstLine(beat.Text ?? "", out var rest);
            if (!first.IsEmpty) sb.Append(' ').Append(first);
            sb.Append('\n');
            Lines(sb, rest);
        }
    }

    private static void WriteDialogue(StringBuilder sb, ValueList<DialogueLine> dialogue)
    {
        if (!AnyFilled(dialogue)) return;
        BeginSection(sb);
        sb.Append("Dialogue:\n");
        foreach (var line in dialogue)
        {
            if (EmptyRows.IsEmpty(line)) continue;
            sb.Append("- ");
            var hasSpeaker = HasText(line.Speaker);
            if (hasSpeaker) Inline(sb, line.Speaker);
            if (HasText(line.Delivery))
            {
                if (hasSpeaker) sb.Append(' ');
                if (DialogueSyntax.ReadsBackAsVerbForm(line.Speaker, line.Delivery))
                {
                    Inline(sb, line.Delivery);
                }
                else
                {
                    sb.Append('(');
                    Inline(sb, line.Delivery);
                    sb.Append(')');
                }
            }
            sb.Append(": \"");
            Inline(sb, line.Text ?? "");
            sb.Append("\"\n");
        }
    }

    private static bool AnyFilled(ValueList<Beat> actions)
    {
        foreach (var beat in actions) if (!EmptyRows.IsEmpty(beat)) return true;
        return false;
    }

    private static bool AnyFilled(ValueList<DialogueLine> dialogue)
    {
        foreach (var line in dialogue) if (!EmptyRows.IsEmpty(line)) return true;
        return false;
    }
}
