using System.Text;
using SoraStudio.Core.Spec;
using static SoraStudio.Core.Prompting.PromptText;

namespace SoraStudio.Core.Prompting;

/// <summary>Writes the ultra-detailed sections in the guide's order, each header on its own line above its body.</summary>
internal static class UltraDetailWriter
{
    public static void Write(StringBuilder sb, UltraDetail ultra)
    {
        Section(sb, "Format & Look", ultra.FormatAndLook);
        Section(sb, "Lenses & Filtration", ultra.LensesAndFiltration);
        WriteGrade(sb, ultra.Grade);
        Section(sb, "Lighting & Atmosphere", ultra.LightingAndAtmosphere);
        WriteLocation(sb, ultra.Location);
        Section(sb, "Wardrobe / Props / Extras", ultra.WardrobePropsExtras);
        Section(sb, "Sound", ultra.Sound);
        WriteShotList(sb, ultra.ShotList);
        Section(sb, "Camera Notes (Why It Reads)", ultra.CameraNotes);
        Section(sb, "Finishing", ultra.Finishing);
    }

    private static void Section(StringBuilder sb, string header, string body)
    {
        if (!HasText(body)) return;
        BeginSection(sb);
        sb.Append(header).Append('\n');
        Body(sb, body);
    }

    private static void WriteGrade(StringBuilder sb, GradePalette grade)
    {
        if (!HasText(grade.Highlights) && !HasText(grade.Mids) && !HasText(grade.Blacks) && !HasText(grade.Notes)) return;
        BeginSection(sb);
        sb.Append("Grade / Palette\n");
        LabelledLine(sb, "Highlights", grade.Highlights);
        LabelledLine(sb, "Mids", grade.Mids);
        LabelledLine(sb, "Blacks", grade.Blacks);
        Body(sb, grade.Notes);
    }

    /// <summary>The setting's first line, then foreground, midground and background, then the rest of the setting.</summary>
    private static void WriteLocation(StringBuilder sb, LocationFraming location)
    {
        if (!HasText(location.Setting) && !HasText(location.Foreground) && !HasText(location.Midground) && !HasText(location.Background))
            return;
        BeginSection(sb);
        sb.Append("Location & Framing\n");
        var setting = location.Setting.AsSpan();
        var first = FirstLine(setting, out var rest);
        // A first line that reads as "Foreground: …" would be taken for the label: it goes after the labels.
        var firstLeads = !first.IsEmpty && !PromptLabels.TryMatchLabel(first, PromptLabels.LocationLabels, out _, out _);
        if (firstLeads) sb.Append(first).Append('\n');
        LabelledLine(sb, "Foreground", location.Foreground);
        LabelledLine(sb, "Midground", location.Midground);
        LabelledLine(sb, "Background", location.Background);
        // A blank line after the first line of the setting is kept.
        if (firstLeads && StartsWithBlankLine(rest) && HasText(rest.ToString())) sb.Append('\n');
        Body(sb, firstLeads ? rest : setting, null);
    }

    private static void WriteShotList(StringBuilder sb, ValueList<ShotSegment> shots)
    {
        if (shots.IsEmpty) return;
        BeginSection(sb);
        var total = 0.0;
        foreach (var shot in shots) total = Math.Max(total, shot.End);
        sb.Append("Optimized Shot List (").Append(shots.Count).Append(shots.Count == 1 ? " shot / " : " shots / ");
        SecondsText.Append(sb, total, 0);
        sb.Append("s total)\n");
        foreach (var shot in shots)
        {
            sb.Append('\n');
            ShotSegmentLine.AppendTimes(sb, shot.Start, shot.End);
            var hasTitle = HasText(shot.Title);
            var hasBracket = HasText(shot.Lens) || HasText(shot.CameraMove);
            if (hasTitle || hasBracket) sb.Append(" —");
            if (hasTitle)
            {
                sb.Append(" \"");
                Inline(sb, shot.Title);
                sb.Append('"');
            }
            if (hasBracket)
            {
                sb.Append(" (");
                Inline(sb, shot.Lens);
                if (HasText(shot.CameraMove))
                {
                    sb.Append(", ");
                    Inline(sb, shot.CameraMove);
                }
                sb.Append(')');
            }
            sb.Append('\n');
            Body(sb, shot.Description);
            if (HasText(shot.Purpose)) Body(sb, shot.Purpose, "Purpose: ");
        }
    }

    private static void LabelledLine(StringBuilder sb, string label, string value)
    {
        if (!HasText(value)) return;
        sb.Append(label).Append(": ");
        Inline(sb, value);
        sb.Append('\n');
    }
}
