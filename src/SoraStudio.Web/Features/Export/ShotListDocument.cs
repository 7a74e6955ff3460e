using System.Globalization;
using System.Text;
using SoraStudio.Core.Costs;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// The shot list as Markdown: per shot its selected take, duration, cost, a link to the take in the studio and the
/// exact prompt. No images: the studio's media needs a signed-in session, so an embedded thumbnail would show broken
/// wherever the file is read; the printable shot list page shows them.
/// </summary>
public static class ShotListDocument
{
    public static string Markdown(ProjectSequence sequence, string? baseUrl = null)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(sequence.ProjectName)).Append(" — shot list\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{sequence.Clips.Count} selected {(sequence.Clips.Count == 1 ? "take" : "takes")} · running time {RunningTime(sequence.TotalSeconds)} · cost {CostEstimate.Format(sequence.TotalCost)}\n");
        if (sequence.ShotsWithoutTake.Count > 0)
            md.Append("\nWithout a selected take: ").Append(string.Join(", ", sequence.ShotsWithoutTake.Select(Escape))).Append('\n');
        foreach (var clip in sequence.Clips)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {clip.Number}. {Escape(clip.ShotTitle)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Take {clip.TakeId} · {clip.Model} · {clip.Size} · {clip.Length.ToString("0.#", CultureInfo.InvariantCulture)} s · {CostEstimate.Format(clip.Cost)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"[Take {clip.TakeId} in the studio]({baseUrl?.TrimEnd('/')}/takes/{clip.TakeId}) (sign-in needed)\n\n");
            var fence = new string('`', Math.Max(3, LongestRun(clip.Prompt, '`') + 1));
            md.Append(fence).Append("text\n").Append(clip.Prompt.Replace("\r\n", "\n").TrimEnd('\n')).Append('\n').Append(fence).Append('\n');
        }
        return md.ToString();
    }

    public static string RunningTime(double seconds)
    {
        var whole = (int)Math.Round(seconds, MidpointRounding.AwayFromZero);
        return $"{whole / 60}:{whole % 60:00}";
    }

    /// <summary>Markdown's inline punctuation as literal text.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.Replace('\n', ' ').Replace('\r', ' '))
        {
            if ("\\`*_{}[]()<>#+-.!|~".Contains(c))
                escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static int LongestRun(string text, char c)
    {
        int best = 0, run = 0;
        foreach (var ch in text)
        {
            run = ch == c ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best;
    }
}
