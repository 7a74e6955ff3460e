using System.Globalization;
using System.Text;

namespace SoraStudio.Web.Features.Export;

/// <summary>A CMX3600 edit decision list: one video+audio cut event per selected take, back to back from 01:00:00:00.</summary>
public static class EditDecisionList
{
    public const int FramesPerSecond = 24;

    public static string Cmx3600(ProjectSequence sequence)
    {
        var edl = new StringBuilder();
        edl.Append("TITLE: ").Append(Ascii(sequence.ProjectName, 70)).Append('\n');
        edl.Append("FCM: NON-DROP FRAME\n\n");
        var record = (long)FramesPerSecond * 3600;
        var number = 1;
        foreach (var clip in sequence.Clips)
        {
            var frames = (long)Math.Round(clip.Length * FramesPerSecond, MidpointRounding.AwayFromZero);
            edl.Append(CultureInfo.InvariantCulture, $"{number:000}  {Reel(clip.TakeId),-8} AA/V  C        ");
            edl.Append(Timecode(0)).Append(' ').Append(Timecode(frames)).Append(' ');
            edl.Append(Timecode(record)).Append(' ').Append(Timecode(record + frames)).Append('\n');
            edl.Append("* FROM CLIP NAME: ").Append(Ascii($"{clip.ShotTitle} (take {clip.TakeId})", 120)).Append('\n');
            edl.Append(CultureInfo.InvariantCulture, $"* SOURCE FILE: take-{clip.TakeId}.mp4\n\n");
            record += frames;
            number++;
        }
        return edl.ToString();
    }

    /// <summary>Reel names are at most 8 characters: TK and the take's id.</summary>
    public static string Reel(long takeId) => takeId < 1_000_000 ? $"TK{takeId:000000}" : $"T{takeId % 10_000_000:0000000}";

    public static string Timecode(long frames)
    {
        var f = frames % FramesPerSecond;
        var totalSeconds = frames / FramesPerSecond;
        return string.Create(CultureInfo.InvariantCulture, $"{totalSeconds / 3600:00}:{totalSeconds / 60 % 60:00}:{totalSeconds % 60:00}:{f:00}");
    }

    /// <summary>
    /// EDL readers expect plain ASCII on one line: typographic punctuation becomes its ASCII form ("—" "-", "“" '"',
    /// "…" "..."), accented letters lose their accents, and only what has no ASCII form at all becomes "?".
    /// </summary>
    public static string Ascii(string text, int max)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (c is >= ' ' and <= '~') clean.Append(c);
            else if (c is '\r' or '\n' or '\t') clean.Append(' ');
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else clean.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => "-",
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => "'",
                '\u201C' or '\u201D' or '\u201E' or '\u2033' or '\u00AB' or '\u00BB' => "\"",
                '\u2026' => "...",
                '\u00A0' or '\u2007' or '\u2009' or '\u202F' => " ",
                '\u00D7' => "x",
                '\u00DF' => "ss",
                '\u00C6' => "AE",
                '\u00E6' => "ae",
                '\u00D8' => "O",
                '\u00F8' => "o",
                _ => "?",
            });
        }
        var ascii = clean.ToString().Trim();
        return ascii.Length > max ? ascii[..max] : ascii;
    }
}
