using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoraStudio.Core.StyleBible;
using SoraStudio.Core.Validation;
using SoraStudio.SoraApi;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Cast;

/// <summary>
/// A project's cast: provider characters made from 2–4 s of a take (cut here with ffmpeg) or from an uploaded clip.
/// Making one is a paid call that cannot be repeated safely, so it follows the generation pipeline's rule: the intent
/// (the row, its provider, <see cref="CastMember.SubmittedAt"/>) is written and made durable before the call, the id the
/// moment it returns. A refusal proves nothing was made and removes the intent; any other failure, or a process that
/// stopped while the call was out, leaves the member needing attention. The contract cannot list characters, so that
/// is never settled by guessing: a person links the id they find at the provider, makes it again knowingly, or removes it.
/// </summary>
internal sealed partial class CastService(
    IDbContextFactory<StudioDbContext> contexts,
    IServiceProvider services,
    ClipStore store,
    ClipCutter cutter,
    ProjectAccess access,
    VideosProvider provider,
    IOptions<VideosApiOptions> apiOptions,
    ICrashPoints crashPoints,
    TimeProvider time,
    ILogger<CastService> logger)
{
    public const int MaxNameLength = 80;
    public const double MinSeconds = 2;
    public const double MaxSeconds = 4;
    public const long MaxClipBytes = 20 * 1024 * 1024;
    private const int ThumbnailWidth = 320;

    /// <summary>The longest a create call can be out: every attempt's timeout and the waits between them.</summary>
    internal TimeSpan CallDeadline
    {
        get
        {
            var o = apiOptions.Value;
            return o.Timeout * (o.MaxRetries + 1) + (o.MaxDelay > o.MaxRetryAfter ? o.MaxDelay : o.MaxRetryAfter) * o.MaxRetries;
        }
    }

    public async Task<IReadOnlyList<CastMemberInfo>> ListAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        await SetAsideStaleAsync(db, projectId, cancellationToken);
        var members = await db.CastMembers.AsNoTracking().Where(m => m.ProjectId == projectId).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        return [.. members.Select(m => CastMemberInfo.From(m, provider.Current))];
    }

    /// <summary>The cast as the composer's advice and the generation service see it.</summary>
    public async Task<IReadOnlyList<CastEntry>> EntriesAsync(long projectId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.View, cancellationToken);
        return await ProjectCast.EntriesAsync(db, projectId, provider.Current, cancellationToken);
    }

    public async Task<CastMemberInfo> GetAsync(long memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindAsync(db, memberId, ProjectPermission.View, cancellationToken);
        return CastMemberInfo.From(member, provider.Current);
    }

    /// <summary>
    /// Makes a character of [<paramref name="from"/>, <paramref name="to"/>] seconds of a ready take: the range must lie
    /// within the take's clip and last 2–4 s. The provider judges the clip's shape (16:9 or 9:16, 720p–1080p).
    /// </summary>
    public async Task<CastMemberInfo> CreateFromTakeAsync(long takeId, string name, double from, double to, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var projectId = await access.RequireTakeAsync(db, takeId, ProjectPermission.Edit, cancellationToken);
        name = await CheckNameAsync(db, projectId, name, cancellationToken);
        var take = await db.Takes.AsNoTracking().Where(t => t.Id == takeId).Select(t => new { t.Status, t.Seconds }).SingleAsync(cancellationToken);
        var video = await db.Clips.AsNoTracking().Where(c => c.TakeId == takeId && c.Variant == VideoVariant.Video)
            .Select(c => new { c.RelativePath, c.DurationSeconds }).FirstOrDefaultAsync(cancellationToken);
        if (take.Status != TakeStatus.Ready || video is null || !store.Exists(video.RelativePath))
            throw new StudioException(StudioErrorKind.Conflict, $"Take {takeId} has no clip to cut a character from (it is {take.Status}).");
        var length = video.DurationSeconds ?? MediaProbe.Probe(store.GetFullPath(video.RelativePath)).DurationSeconds ?? take.Seconds;
        CheckRange(from, to, length);

        using var work = new WorkFolder();
        var cut = work.File("character.mp4");
        await CutAsync(() => cutter.CutAsync(store.GetFullPath(video.RelativePath), from, to - from, cut, cancellationToken));
        var member = await StoreClipAsync(projectId, name, $"take-{takeId}-{Seconds(from)}-{Seconds(to)}.mp4", cut, work, cancellationToken);
        member.SourceTakeId = takeId;
        (member.FromSeconds, member.ToSeconds) = (from, to);
        return await SubmitAsync(db, member, cancellationToken);
    }

    /// <summary>Makes a character of an uploaded clip; the provider judges its length and shape, and its refusal is shown as it says it.</summary>
    public async Task<CastMemberInfo> CreateFromUploadAsync(long projectId, string name, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireProjectAsync(db, projectId, ProjectPermission.Edit, cancellationToken);
        name = await CheckNameAsync(db, projectId, name, cancellationToken);
        fileName = Path.GetFileName(fileName ?? "");
        if (fileName.Length == 0 || fileName.Length > TextLimits.FileName || !TextLimits.IsSingleLine(fileName))
            throw StudioException.Invalid("video", $"The clip needs a file name of 1 to {TextLimits.FileName} characters on one line.");

        using var work = new WorkFolder();
        var path = work.File("upload.mp4");
        await using (var file = File.Create(path))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (file.Length + read > MaxClipBytes)
                    throw StudioException.Invalid("video", $"“{fileName}” is larger than {MaxClipBytes / (1024 * 1024)} MiB; a character's clip lasts 2 to 4 seconds.");
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            if (file.Length == 0)
                throw StudioException.Invalid("video", $"“{fileName}” is empty.");
        }
        var member = await StoreClipAsync(projectId, name, fileName, path, work, cancellationToken);
        return await SubmitAsync(db, member, cancellationToken);
    }

    /// <summary>
    /// Settles a member that needs attention with the character id found at the provider: it must exist there
    /// (<c>GET /videos/characters/{id}</c>) under the member's name.
    /// </summary>
    public async Task<CastMemberInfo> LinkAsync(long memberId, string characterId, CancellationToken cancellationToken = default)
    {
        characterId = characterId?.Trim() ?? "";
        if (characterId.Length is 0 or > 200 || !TextLimits.IsSingleLine(characterId))
            throw StudioException.Invalid("characterId", "Give the character's id as the provider shows it (char_…).");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindAsync(db, memberId, ProjectPermission.Edit, cancellationToken);
        if (member.State != CastMemberState.NeedsAttention)
            throw new StudioException(StudioErrorKind.Conflict, $"{member.Name} is {Describe(member.State)}; only a character whose creation needs attention is linked by hand.");
        if (member.Provider != provider.Current)
            throw new StudioException(StudioErrorKind.Conflict, $"{member.Name} was made with {VideosProvider.Describe(member.Provider)}; this studio uses {VideosProvider.Describe(provider.Current)}, which cannot confirm it.");
        VideoCharacter found;
        try
        {
            found = await services.GetRequiredService<IVideosApi>().GetCharacterAsync(characterId, cancellationToken);
        }
        catch (VideosApiException e) when (e.Kind is ApiErrorKind.NotFound or ApiErrorKind.InvalidRequest)
        {
            throw StudioException.Invalid("characterId", $"{VideosProvider.Describe(provider.Current)} has no character “{characterId}”: {ProviderMessage(e)}");
        }
        catch (VideosApiException e)
        {
            throw new StudioException(StudioErrorKind.Conflict, $"The character could not be looked up: {ProviderMessage(e)}");
        }
        if (!string.Equals(found.Name, member.Name, StringComparison.Ordinal))
            throw StudioException.Invalid("characterId", $"“{characterId}” is named “{found.Name}” at the provider, not “{member.Name}”.");
        if (await db.CastMembers.AnyAsync(m => m.ProjectId == member.ProjectId && m.CharacterId == characterId && m.Id != memberId, cancellationToken))
            throw StudioException.Invalid("characterId", $"“{characterId}” is already another member of this cast.");
        member.CharacterId = characterId;
        member.State = CastMemberState.Ready;
        member.ErrorMessage = null;
        await db.SaveChangesAsync(cancellationToken);
        return CastMemberInfo.From(member, provider.Current);
    }

    /// <summary>
    /// Makes a member's character again from its stored clip, knowingly: for one that needs attention (the provider may
    /// have made, and charged for, the first), or one made with another provider.
    /// </summary>
    public async Task<CastMemberInfo> MakeAgainAsync(long memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindAsync(db, memberId, ProjectPermission.Edit, cancellationToken);
        var otherProvider = member.State == CastMemberState.Ready && member.Provider != provider.Current;
        if (member.State != CastMemberState.NeedsAttention && !otherProvider)
            throw new StudioException(StudioErrorKind.Conflict, $"{member.Name} is {Describe(member.State)} with this provider; there is nothing to make again.");
        if (!store.Exists(member.ClipPath))
            throw new StudioException(StudioErrorKind.Conflict, $"{member.Name}'s clip is missing from the clip store; remove them and make them again from a take or a clip.");
        var before = new Snapshot(member.State, member.Provider, member.CharacterId, member.ErrorMessage, member.SubmittedAt);
        member.CharacterId = null;
        member.ErrorMessage = null;
        return await SubmitAsync(db, member, cancellationToken, before);
    }

    /// <summary>Removes a member from the cast (the provider keeps the character: the contract cannot delete one).</summary>
    public async Task DeleteAsync(long memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindAsync(db, memberId, ProjectPermission.Edit, cancellationToken);
        if (member.State == CastMemberState.Creating)
            throw new StudioException(StudioErrorKind.Conflict, $"{member.Name}'s character is being made; remove them once the provider has answered.");
        db.CastMembers.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Where the member's thumbnail is in the clip store (relative), or null when it has none.</summary>
    public async Task<string?> ThumbnailPathAsync(long memberId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var member = await FindAsync(db, memberId, ProjectPermission.View, cancellationToken);
        return member.ThumbnailPath is { } path && store.Exists(path) ? path : null;
    }

    /// <summary>The intent, made durable; the paid call; its outcome. See the class's summary.</summary>
    private async Task<CastMemberInfo> SubmitAsync(StudioDbContext db, CastMember member, CancellationToken cancellationToken, Snapshot? before = null)
    {
        member.State = CastMemberState.Creating;
        member.Provider = provider.Current;
        member.SubmittedAt = time.GetUtcNow();
        if (member.Id == 0)
            db.CastMembers.Add(member);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (member.Id == 0)
        {
            // Only the unique name can refuse a new member: another request took the name since it was checked.
            throw StudioException.Invalid("name", $"The cast already has a member named “{member.Name}”.");
        }
        // As for a take: the intent must survive a power cut that happens after the call went out.
        if (!await WalCheckpoint.RunAsync(db, CancellationToken.None))
            logger.LogWarning("Cast member {MemberId}: readers kept the database's log from being copied into it; a power cut now could undo its creation intent.", member.Id);
        crashPoints.Hit(CastCrashPoint.AfterIntent);

        VideoCharacter character;
        try
        {
            await using var clip = store.OpenRead(member.ClipPath);
            // Not the caller's token: a call abandoned halfway would leave its outcome unknown for no reason.
            character = await services.GetRequiredService<IVideosApi>().CreateCharacterAsync(
                new CreateCharacterRequest(member.Name, new VideoUpload(clip, member.FileName)), CancellationToken.None);
        }
        catch (VideosApiException e) when (e.Kind == ApiErrorKind.OutcomeUnknown)
        {
            logger.LogWarning("Cast member {MemberId}: character creation outcome unknown: {Message}", member.Id, e.Message);
            return await NeedsAttentionAsync(db, member, $"The provider may or may not have made the character: {ProviderMessage(e)}");
        }
        catch (VideosApiException e)
        {
            // Every other failure of a paid call proves nothing was made (the client's rule): the intent goes.
            await ForgetAsync(db, member, before);
            throw e.Kind == ApiErrorKind.InvalidRequest
                ? StudioException.Invalid(e.Param == "name" ? "name" : "video", $"The provider refused the clip: {ProviderMessage(e)}")
                : new StudioException(StudioErrorKind.Conflict, $"The character was not made ({e.Kind}): {ProviderMessage(e)}");
        }
        crashPoints.Hit(CastCrashPoint.AfterCreateBeforeId);
        if (string.IsNullOrWhiteSpace(character.Id))
            return await NeedsAttentionAsync(db, member, "The provider answered without the character's id.");

        member.CharacterId = character.Id;
        member.State = CastMemberState.Ready;
        member.ErrorMessage = null;
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Cast member {MemberId} ({Name}) made as {CharacterId}.", member.Id, member.Name, character.Id);
        return CastMemberInfo.From(member, provider.Current);
    }

    private async Task<CastMemberInfo> NeedsAttentionAsync(StudioDbContext db, CastMember member, string message)
    {
        member.State = CastMemberState.NeedsAttention;
        member.ErrorMessage = message.Length > 2000 ? message[..2000] : message;
        await db.SaveChangesAsync(CancellationToken.None);
        return CastMemberInfo.From(member, provider.Current);
    }

    /// <summary>Undoes a refused intent: a new member goes; one made again is as it was before.</summary>
    private static async Task ForgetAsync(StudioDbContext db, CastMember member, Snapshot? before)
    {
        if (before is null)
            db.CastMembers.Remove(member);
        else
            (member.State, member.Provider, member.CharacterId, member.ErrorMessage, member.SubmittedAt) = before;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private sealed record Snapshot(CastMemberState State, string Provider, string? CharacterId, string? ErrorMessage, DateTimeOffset? SubmittedAt);

    /// <summary>Members whose call has been out longer than any call can be: the process that made it stopped.</summary>
    private async Task SetAsideStaleAsync(StudioDbContext db, long projectId, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - CallDeadline;
        var stale = await db.CastMembers.Where(m => m.ProjectId == projectId && m.State == CastMemberState.Creating && m.SubmittedAt < cutoff)
            .ToListAsync(cancellationToken);
        foreach (var member in stale)
        {
            member.State = CastMemberState.NeedsAttention;
            member.ErrorMessage = "The studio stopped while the provider was making this character: it may or may not exist there.";
        }
        if (stale.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stores the clip and its thumbnail; the member is not saved yet.</summary>
    private async Task<CastMember> StoreClipAsync(long projectId, string name, string fileName, string clipPath, WorkFolder work, CancellationToken cancellationToken)
    {
        var info = MediaProbe.Probe(clipPath);
        StoredFile clip;
        await using (var read = File.OpenRead(clipPath))
            clip = await store.SaveAsync(read, "video/mp4", cancellationToken: cancellationToken);
        string? thumbnail = null;
        var still = work.File("thumbnail.jpg");
        try
        {
            await cutter.StillAsync(clipPath, (info.DurationSeconds ?? 0) / 2, ThumbnailWidth, still, cancellationToken);
            await using var read = File.OpenRead(still);
            thumbnail = (await store.SaveAsync(read, "image/jpeg", cancellationToken: cancellationToken)).RelativePath;
        }
        catch (ClipCutterException e)
        {
            // A thumbnail is a convenience: the provider judges the clip, not ffmpeg.
            logger.LogInformation("No thumbnail for the character clip “{FileName}”: {Message}", fileName, e.Message);
        }
        var user = await access.UserAsync();
        var now = time.GetUtcNow();
        return new CastMember
        {
            ProjectId = projectId,
            Name = name,
            FileName = fileName,
            ClipPath = clip.RelativePath,
            ClipSha256 = clip.Sha256,
            Width = info.Width,
            Height = info.Height,
            DurationSeconds = info.DurationSeconds,
            ThumbnailPath = thumbnail,
            CreatedBy = user.Name,
            CreatedAt = now,
        };
    }

    private static async Task<string> CheckNameAsync(StudioDbContext db, long projectId, string name, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
            throw StudioException.Invalid("name", "A cast member needs a name: the one prompts will use.");
        if (name.Length > MaxNameLength)
            throw StudioException.Invalid("name", $"A cast member's name is at most {MaxNameLength} characters; this one has {name.Length}.");
        if (!TextLimits.IsSingleLine(name))
            throw StudioException.Invalid("name", "A cast member's name is one line of text.");
        if (!name.Any(char.IsLetterOrDigit))
            throw StudioException.Invalid("name", "A cast member's name needs a letter or a digit, or no prompt can name it.");
        var taken = await db.CastMembers.AsNoTracking().Where(m => m.ProjectId == projectId).Select(m => m.Name).ToListAsync(cancellationToken);
        if (taken.FirstOrDefault(t => string.Equals(t, name, StringComparison.OrdinalIgnoreCase)) is { } existing)
            throw StudioException.Invalid("name", $"The cast already has “{existing}”; prompts tell members apart by name.");
        return name;
    }

    internal static void CheckRange(double from, double to, double clipSeconds)
    {
        if (!double.IsFinite(from) || from < 0)
            throw StudioException.Invalid("from", $"The range starts at {Seconds(from)} s, before the clip's start (0 s).");
        if (!double.IsFinite(to) || to > clipSeconds + 0.05)
            throw StudioException.Invalid("to", $"The range ends at {Seconds(to)} s, after the clip's end ({Seconds(clipSeconds)} s).");
        if (to <= from)
            throw StudioException.Invalid("to", $"The range must end after it starts ({Seconds(from)} s).");
        var length = to - from;
        if (length < MinSeconds - 0.001 || length > MaxSeconds + 0.001)
            throw StudioException.Invalid("to", $"A character is made from {MinSeconds:0} to {MaxSeconds:0} seconds of a clip; the range is {Seconds(length)} s.");
    }

    private static async Task CutAsync(Func<Task> cut)
    {
        try
        {
            await cut();
        }
        catch (ClipCutterException e)
        {
            throw new StudioException(StudioErrorKind.Conflict, e.Message);
        }
    }

    private async Task<CastMember> FindAsync(StudioDbContext db, long memberId, ProjectPermission permission, CancellationToken cancellationToken)
    {
        var member = await db.CastMembers.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw StudioException.NotFound("Cast member", memberId);
        try
        {
            await access.RequireProjectAsync(db, member.ProjectId, permission, cancellationToken);
        }
        catch (StudioException e) when (e.Kind == StudioErrorKind.NotFound)
        {
            throw StudioException.NotFound("Cast member", memberId);
        }
        return member;
    }

    /// <summary>The provider's own words, without the client's "CreateCharacter failed: HTTP 400 …:" preamble.</summary>
    internal static string ProviderMessage(VideosApiException e)
    {
        var match = Preamble().Match(e.Message);
        return match.Success ? e.Message[match.Length..] : e.Message;
    }

    private static string Describe(CastMemberState state) => state switch
    {
        CastMemberState.Creating => "being made",
        CastMemberState.Ready => "ready",
        _ => "waiting for attention",
    };

    private static string Seconds(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\w+ failed: HTTP \d+ \w+(?: \([^)]*\))?: ")]
    private static partial Regex Preamble();

    /// <summary>A temporary folder for ffmpeg's inputs and outputs, deleted afterwards.</summary>
    private sealed class WorkFolder : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sora-cast-");

        public string File(string name) => Path.Combine(_folder.FullName, name);

        public void Dispose()
        {
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind costs a few megabytes; the caller's answer matters more.
            }
        }
    }
}

/// <summary>Where the cast's crash-safety tests stop a character's creation, in the order it passes them.</summary>
internal static class CastCrashPoint
{
    public const string AfterIntent = "cast-after-intent";
    public const string AfterCreateBeforeId = "cast-after-create-before-id";

    public static IReadOnlyList<string> All { get; } = [AfterIntent, AfterCreateBeforeId];
}
