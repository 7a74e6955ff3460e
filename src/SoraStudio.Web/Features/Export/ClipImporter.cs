using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.Validation;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// Brings existing MP4 files into a shot as ready takes — clips made elsewhere, or before a provider shut down —
/// with an optional prompt text or spec JSON. The file is probed (size, duration; ffprobe where installed, which
/// also reads every packet) and refused, with nothing stored, when it is not a video or is cut short.
/// </summary>
public sealed class ClipImporter(IDbContextFactory<StudioDbContext> contexts, ClipStore store, ProjectAccess access, MediaTools tools, TakeLifecycle lifecycle, TimeProvider time)
{
    public const long MaxBytes = 2L * 1024 * 1024 * 1024;

    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);
    private static readonly SpecTextValidator SpecTexts = new();

    public async Task<long> ImportAsync(long shotId, Stream video, string fileName, string? prompt = null, string? specJson = null,
        string requestedBy = "", CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Adding takes to a shot is an Editor's (or the Owner's).
        await access.RequireShotAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        var shot = await db.Shots.AsNoTracking().Where(s => s.Id == shotId).Select(s => new { s.ProjectId, s.Spec })
            .SingleOrDefaultAsync(cancellationToken) ?? throw StudioException.NotFound("Shot", shotId);
        if (prompt is not null && TextLimits.CheckProse(prompt, TextLimits.Prompt) is { } promptProblem)
            throw StudioException.Invalid("prompt", promptProblem);
        var spec = SpecFor(shot.Spec, prompt, specJson);
        if (SpecTexts.Validate(spec).Errors.FirstOrDefault() is { } specProblem)
            throw StudioException.Invalid("spec." + specProblem.PropertyName, specProblem.ErrorMessage);

        var temp = Path.Combine(Path.GetTempPath(), $"sora-import-{Guid.NewGuid():N}.mp4");
        var thumbnailTemp = Path.ChangeExtension(temp, ".jpg");
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await CopyLimitedAsync(video, file, cancellationToken);
            var (width, height, duration) = await ProbeAsync(temp, fileName, cancellationToken);

            StoredFile stored;
            await using (var file = File.OpenRead(temp))
                stored = await store.SaveAsync(file, "video/mp4", cancellationToken: cancellationToken);
            StoredFile? thumbnail = null;
            if (await ThumbnailAsync(temp, thumbnailTemp, duration, cancellationToken))
            {
                await using var file = File.OpenRead(thumbnailTemp);
                thumbnail = await store.SaveAsync(file, "image/jpeg", cancellationToken: cancellationToken);
            }

            var now = time.GetUtcNow();
            var take = new Take
            {
                ProjectId = shot.ProjectId,
                ShotId = shotId,
                Spec = spec,
                Prompt = prompt?.Trim() is { Length: > 0 } text ? text : PromptRenderer.Render(spec),
                Model = spec.Model is { Length: > 0 } model ? model : "imported",
                Size = $"{width}x{height}",
                Seconds = Math.Max(1, (int)Math.Round(duration, MidpointRounding.AwayFromZero)),
                Progress = 100,
                EstimatedCost = 0,
                Cost = 0,
                RequestedBy = requestedBy,
                CreatedAt = now,
                CompletedAt = now,
                ErrorMessage = null,
                Clips =
                [
                    new Clip { Variant = VideoVariant.Video, RelativePath = stored.RelativePath, Bytes = stored.Bytes, Sha256 = stored.Sha256,
                        ContentType = "video/mp4", Width = width, Height = height, DurationSeconds = duration, CreatedAt = now },
                ],
            };
            if (thumbnail is not null)
                take.Clips.Add(new Clip { Variant = VideoVariant.Thumbnail, RelativePath = thumbnail.RelativePath, Bytes = thumbnail.Bytes,
                    Sha256 = thumbnail.Sha256, ContentType = "image/jpeg", CreatedAt = now });
            lifecycle.AddImported(db, take, TakeStatus.Ready);
            await db.SaveChangesAsync(cancellationToken);
            return take.Id;
        }
        finally
        {
            File.Delete(temp);
            File.Delete(thumbnailTemp);
        }
    }

    private static ShotSpec SpecFor(ShotSpec shotSpec, string? prompt, string? specJson)
    {
        if (!string.IsNullOrWhiteSpace(specJson))
        {
            try
            {
                return SpecJson.Deserialize(specJson);
            }
            catch (JsonException e)
            {
                var (field, message) = JsonErrors.Describe(e);
                throw StudioException.Invalid("spec", $"The spec JSON cannot be read: at {field}, {message}");
            }
        }
        return !string.IsNullOrWhiteSpace(prompt)
            ? PromptParser.Parse(prompt) with { Model = shotSpec.Model, Size = shotSpec.Size, Seconds = shotSpec.Seconds }
            : shotSpec;
    }

    private static async Task CopyLimitedAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
                throw StudioException.Invalid("file", $"The file is larger than {MaxBytes / 1024 / 1024 / 1024} GB.");
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>Width, height and duration; refuses what is not a whole MP4 video.</summary>
    private async Task<(int Width, int Height, double Duration)> ProbeAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(fileName);
        var info = MediaProbe.Probe(path);
        if (info.DurationSeconds is not > 0 || info.Width is null || info.Height is null)
            throw StudioException.Invalid("file", $"“{name}” is not an MP4 video (no movie header with a duration and a picture size).");
        if (TopLevelBoxesOverrun(path))
            throw StudioException.Invalid("file", $"“{name}” is cut short: the file ends inside its media data (a truncated download or copy?).");
        var result = await MediaTools.RunAsync(tools.Ffprobe,
            ["-v", "error", "-count_packets", "-show_entries", "stream=codec_type,nb_read_packets:format=duration", "-of", "json", path], ToolTimeout, cancellationToken);
        if (result is (var exit, var output, var errors))
        {
            if (exit != 0 || errors.Trim().Length > 0)
                throw StudioException.Invalid("file", $"“{name}” is damaged or cut short: {Last(errors)}");
            using var json = JsonDocument.Parse(output);
            var streams = json.RootElement.GetProperty("streams").EnumerateArray().ToList();
            if (!streams.Any(s => s.GetProperty("codec_type").GetString() == "video"))
                throw StudioException.Invalid("file", $"“{name}” has no video stream.");
            if (json.RootElement.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
                && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var probed) && probed > 0)
                return (info.Width.Value, info.Height.Value, probed);
        }
        return (info.Width.Value, info.Height.Value, info.DurationSeconds.Value);
    }

    private async Task<bool> ThumbnailAsync(string video, string jpeg, double duration, CancellationToken cancellationToken)
    {
        var at = Math.Min(1, duration / 2).ToString("0.###", CultureInfo.InvariantCulture);
        var result = await MediaTools.RunAsync(tools.Ffmpeg,
            ["-hide_banner", "-loglevel", "error", "-y", "-ss", at, "-i", video, "-frames:v", "1", "-vf", "scale=640:-2", jpeg], ToolTimeout, cancellationToken);
        return result is (0, _, _) && File.Exists(jpeg) && new FileInfo(jpeg).Length > 0;
    }

    /// <summary>True when a top-level box claims to end past the end of the file.</summary>
    private static bool TopLevelBoxesOverrun(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[16];
        long position = 0;
        while (position + 8 <= file.Length)
        {
            file.Position = position;
            file.ReadExactly(header, 0, 8);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            if (size == 1)
            {
                if (position + 16 > file.Length)
                    return true;
                file.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
            }
            else if (size == 0)
            {
                return false; // runs to the end of the file
            }
            if (size < 8)
                return true;
            if (position + size > file.Length)
                return true;
            position += size;
        }
        return position != file.Length;
    }

    private static string Last(string errors) =>
        errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "ffprobe failed.";
}
