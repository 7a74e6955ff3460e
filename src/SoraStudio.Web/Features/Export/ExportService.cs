using System.ComponentModel;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Emulator.Media;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Export;

/// <summary>The timeline's selected takes as one MP4 (ffmpeg), an edit decision list, and a shot list; for the project's members.</summary>
public sealed class ExportService(IDbContextFactory<StudioDbContext> contexts, ClipStore store, ProjectAccess access, IConfiguration configuration)
{
    public static readonly TimeSpan JoinTimeout = TimeSpan.FromMinutes(5);

    private string FfmpegPath => configuration["Studio:Export:FfmpegPath"] is { Length: > 0 } path ? path : "ffmpeg";

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
                Video = db.Clips.Where(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Video).Select(c => new { c.RelativePath, c.DurationSeconds }).FirstOrDefault(),
                HasThumbnail = db.Clips.Any(c => c.TakeId == s.SelectedTakeId && c.Variant == VideoVariant.Thumbnail),
            })
            .ToListAsync(cancellationToken);
        var clips = new List<SequenceClip>();
        foreach (var shot in shots.Where(s => s.Take is not null))
        {
            var take = shot.Take!;
            clips.Add(new SequenceClip(clips.Count + 1, shot.Id, shot.Title, take.Id, take.Prompt, take.Model, take.Size, take.Seconds,
                take.Cost ?? take.EstimatedCost, shot.Video?.DurationSeconds, shot.Video?.RelativePath, shot.HasThumbnail));
        }
        return new ProjectSequence(projectId, name, clips, shots.Where(s => s.Take is null).Select(s => s.Title).ToList());
    }

    /// <summary>
    /// Joins the selected takes' videos, in order, into <paramref name="output"/> (stream copy: no re-encoding).
    /// Refused when ffmpeg is missing, when nothing is selected, or when the takes differ in size.
    /// </summary>
    public async Task JoinAsync(long projectId, string output, CancellationToken cancellationToken = default)
    {
        var sequence = await SequenceAsync(projectId, cancellationToken);
        if (sequence.Clips.Count == 0)
            throw new StudioException(StudioErrorKind.Conflict, "No shot has a selected take yet: select takes for the timeline first.");
        if (sequence.Clips.FirstOrDefault(c => c.VideoPath is null || !store.Exists(c.VideoPath)) is { } lost)
            throw new StudioException(StudioErrorKind.Conflict, $"The video of take {lost.TakeId} (“{lost.ShotTitle}”) is not in the clip store.");
        var sizes = sequence.Clips.Select(c => c.Size).Distinct().ToList();
        if (sizes.Count > 1)
            throw new StudioException(StudioErrorKind.Conflict,
                $"The selected takes come in {sizes.Count} sizes ({string.Join(", ", sizes)}); one MP4 needs one size. Select takes of one size.");

        var list = Path.Combine(Path.GetTempPath(), $"sora-join-{Guid.NewGuid():N}.txt");
        try
        {
            var lines = sequence.Clips.Select(c => $"file '{store.GetFullPath(c.VideoPath!).Replace("'", "'\\''")}'");
            await File.WriteAllLinesAsync(list, lines, new UTF8Encoding(false), cancellationToken);
            var (exit, errors) = await RunAsync(FfmpegPath,
                ["-hide_banner", "-loglevel", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", "-movflags", "+faststart", "-f", "mp4", output],
                cancellationToken);
            if (exit != 0)
                throw new StudioException(StudioErrorKind.Conflict, $"ffmpeg could not join the takes (exit {exit}): {Tail(errors)}");
        }
        finally
        {
            File.Delete(list);
        }
    }

    /// <summary>True when ffmpeg runs here (a quick <c>ffmpeg -version</c>).</summary>
    public async Task<bool> FfmpegAvailableAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return (await RunAsync(FfmpegPath, ["-hide_banner", "-version"], cancellationToken)).Exit == 0;
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

    private async Task<(int Exit, string Errors)> RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync(file, arguments, JoinTimeout, cancellationToken);
            return (result.ExitCode, result.StandardError);
        }
        catch (Win32Exception)
        {
            throw new StudioException(StudioErrorKind.Conflict,
                $"ffmpeg is not installed (looked for “{file}”): install it (apt-get install ffmpeg) or set Studio:Export:FfmpegPath to join takes into one MP4. The EDL and the shot list need no ffmpeg.");
        }
    }

    private static string Tail(string text) => text.Length > 400 ? text[^400..] : text.Trim();
}
