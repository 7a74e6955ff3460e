using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Export;

/// <summary>The timeline's selected takes as one MP4 (ffmpeg), an edit decision list, and a shot list; for the project's members.</summary>
public sealed class ExportService(IDbContextFactory<StudioDbContext> contexts, ClipStore store, ProjectAccess access, MediaTools tools)
{
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The project's shots in order with their selected takes.</summary>
    public async Task<ProjectSequence> SequenceAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        var name = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Project", projectId);
        var shots = await db.Shots.AsNoTracking().Where(s => s.ProjectId == projectId)
            .OrderBy(s => s.Position).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.Title,
                Take = s.SelectedTake == null ? null : new { s.SelectedTake.Id, s.SelectedTake.Prompt, s.SelectedTake.Model, s.SelectedTake.Size, s.SelectedTake.Seconds, s.SelectedTake.Cost, s.SelectedTake.EstimatedCost },
                Video = db.Clips.Where(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Video).Select(c => new { c.RelativePath, c.DurationSeconds, c.Width, c.Height }).FirstOrDefault(),
                HasThumbnail = db.Clips.Any(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Thumbnail),
            })
            .ToListAsync(cancellationToken);
        var clips = new List<SequenceClip>();
        foreach (var shot in shots.Where(s => s.Take is not null))
        {
            var take = shot.Take!;
            clips.Add(new SequenceClip(clips.Count + 1, shot.Id, shot.Title, take.Id, take.Prompt, take.Model, take.Size, take.Seconds,
                take.Cost ?? take.EstimatedCost, shot.Video?.DurationSeconds, shot.Video?.RelativePath, shot.HasThumbnail, shot.Video?.Width, shot.Video?.Height));
        }
        return new ProjectSequence(projectId, name, clips, shots.Where(s => s.Take is null).Select(s => s.Title).ToList());
    }

    /// <summary>
    /// Joins the selected takes' videos, in order, into <paramref name="output"/>: a stream copy when every video has
    /// the same size, frame rate and codec parameters (ffprobe reads them), else re-encoded to the size most of the
    /// running time uses, letterboxed or pillarboxed. Returns the path taken. Refused when ffmpeg is missing or when
    /// nothing is selected.
    /// </summary>
    public async Task<JoinPlan> JoinAsync(long projectId, string output, CancellationToken cancellationToken = default)
    {
        var sequence = await SequenceAsync(projectId, cancellationToken);
        if (sequence.Clips.Count == 0)
            throw new StudioException(StudioErrorKind.Conflict, "No shot has a selected take yet: select takes for the timeline first.");
        if (sequence.Clips.FirstOrDefault(c => c.VideoPath is null || !store.Exists(c.VideoPath)) is { } lost)
            throw new StudioException(StudioErrorKind.Conflict, $"The video of take {lost.TakeId} (“{lost.ShotTitle}”) is not in the clip store.");

        var parts = new List<(string Path, JoinInput Input)>();
        foreach (var clip in sequence.Clips)
        {
            var path = store.GetFullPath(clip.VideoPath!);
            var input = (await ProbeAsync(path, cancellationToken) is { } probed ? probed with { Seconds = probed.Seconds > 0 ? probed.Seconds : clip.Length } : clip.JoinInput)
                ?? throw new StudioException(StudioErrorKind.Conflict, $"The size of take {clip.TakeId} (“{clip.ShotTitle}”) is unknown.");
            parts.Add((path, input));
        }
        var plan = JoinPlan.For(parts.Select(p => p.Input).ToList());
        if (plan.Reencode)
        {
            await FfmpegAsync(plan.ReencodeArguments(parts, output), cancellationToken);
            return plan;
        }
        var list = Path.Combine(Path.GetTempPath(), $"sora-join-{Guid.NewGuid():N}.txt");
        try
        {
            var lines = parts.Select(p => $"file '{p.Path.Replace("'", "'\\''")}'");
            await File.WriteAllLinesAsync(list, lines, new UTF8Encoding(false), cancellationToken);
            await FfmpegAsync(["-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", "-movflags", "+faststart", "-f", "mp4", output],
                cancellationToken);
        }
        finally
        {
            File.Delete(list);
        }
        return plan;
    }

    private async Task FfmpegAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var (exit, errors) = await RunFfmpegAsync(arguments, cancellationToken);
        if (exit != 0)
            throw new StudioException(StudioErrorKind.Conflict, $"ffmpeg could not join the takes (exit {exit}): {Tail(errors)}");
    }

    /// <summary>What ffprobe reads of a video: size, frame rate, codec parameters and sound; null where ffprobe is not installed.</summary>
    private async Task<JoinInput?> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var result = await MediaTools.RunAsync(tools.Ffprobe,
            ["-v", "error", "-show_entries", "stream=codec_type,codec_name,profile,width,height,pix_fmt,r_frame_rate,sample_rate,channels:format=duration", "-of", "json", path],
            JoinTimeout, cancellationToken);
        if (result is null)
            return null;
        if (result.ExitCode != 0)
            throw new StudioException(StudioErrorKind.Conflict, $"ffprobe could not read {Path.GetFileName(path)}: {Tail(result.StandardError)}");
        using var json = JsonDocument.Parse(result.StandardOutput);
        var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
        string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.ToString() : "";
        var video = streams.FirstOrDefault(s => Text(s, "codec_type") == "video");
        if (video.ValueKind != JsonValueKind.Object || !video.TryGetProperty("width", out var width) || !video.TryGetProperty("height", out var height))
            throw new StudioException(StudioErrorKind.Conflict, $"{Path.GetFileName(path)} has no video stream.");
        var audio = streams.FirstOrDefault(s => Text(s, "codec_type") == "audio");
        var hasAudio = audio.ValueKind == JsonValueKind.Object;
        var codec = $"{Text(video, "codec_name")}/{Text(video, "profile")}/{Text(video, "pix_fmt")}"
            + (hasAudio ? $"+{Text(audio, "codec_name")}/{Text(audio, "sample_rate")}/{Text(audio, "channels")}" : "");
        var duration = json.RootElement.TryGetProperty("format", out var format)
            && double.TryParse(Text(format, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
        return new JoinInput(width.GetInt32(), height.GetInt32(), duration, Text(video, "r_frame_rate"), codec, hasAudio);
    }

    /// <summary>True when ffmpeg runs here (a quick <c>ffmpeg -version</c>).</summary>
    public async Task<bool> FfmpegAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return (await RunFfmpegAsync(["-hide_banner", "-version"], cancellationToken)).Exit == 0;
        }
        catch (StudioException)
        {
            return false;
        }
    }

    public async Task<string> EdlAsync(long projectId, CancellationToken cancellationToken = default) =>
        EditDecisionList.Cmx3600(await SequenceAsync(projectId, cancellationToken));

    public async Task<string> ShotListMarkdownAsync(long projectId, string? baseUrl = null, CancellationToken cancellationToken = default) =>
        ShotListDocument.Markdown(await SequenceAsync(projectId, cancellationToken), baseUrl);

    private async Task<(int Exit, string Errors)> RunFfmpegAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await MediaTools.RunAsync(tools.Ffmpeg, arguments, JoinTimeout, cancellationToken)
            ?? throw new StudioException(StudioErrorKind.Conflict,
                $"ffmpeg is not installed (looked for “{tools.Ffmpeg}”): install it (apt-get install ffmpeg) or set Studio:Export:FfmpegPath to join takes into one MP4. The EDL and the shot list need no ffmpeg.");
        return (result.ExitCode, result.StandardError);
    }

    private static string Tail(string text) => text.Length > 400 ? text[^400..] : text.Trim();
}
