using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Core.Catalog;
using SoraStudio.Core.Costs;
using SoraStudio.Core.Prompting;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;
using SoraStudio.Core.Validation;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Features.Projects;
using SoraStudio.Web.Generation;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Features.Takes;

/// <summary>
/// Asks for takes: generate (1–4 variations), remix, edit, extend, retry, cancel, and prices them first. Everything is checked before anything is
/// written, and the takes of one request are queued in one transaction with the budget check, so a refused
/// request leaves no trace. The worker does the rest. Asking needs the Editor or Owner role; the signed-in user's
/// name is what <see cref="Take.RequestedBy"/> records (the <c>requestedBy</c> arguments are kept for callers and ignored).
/// </summary>
public sealed class GenerationService(
    IDbContextFactory<StudioDbContext> contexts,
    ShotSpecValidator specs,
    RemixInstructionValidator instructions,
    ClipStore store,
    TakeLifecycle lifecycle,
    ProjectAccess access,
    VideosProvider provider,
    TimeProvider time)
{
    private ModelCatalog Catalog => specs.Catalog;

    /// <summary>Queues <paramref name="variations"/> takes of the shot's current spec; returns their ids.</summary>
    public async Task<IReadOnlyList<long>> GenerateAsync(long shotId, int variations = 1, string requestedBy = "", CancellationToken cancellationToken = default)
    {
        if (variations is < 1 or > CostEstimator.MaxVariations)
            throw StudioException.Invalid("variations", $"Ask for 1 to {CostEstimator.MaxVariations} variations, not {variations}.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One connection for the reads and the write transaction: each open runs the connection's pragmas again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.Edit, cancellationToken);
        var user = await access.UserAsync();
        var loaded = await db.Shots.AsNoTracking().Where(s => s.Id == shotId)
            .Select(s => new { Shot = s, s.ReferenceAsset, s.Project!.StyleBible, s.Project.Budget, AnyBlocked = s.Takes.Any(t => t.FailureClass == FailureClass.Moderation) })
            .SingleOrDefaultAsync(cancellationToken) ?? throw StudioException.NotFound("Shot", shotId);
        var shot = loaded.Shot;
        EnsureReferenceExists(shot.Spec, loaded.ReferenceAsset);
        // What is submitted is the shot with the project's style bible filling what the shot leaves empty.
        var spec = loaded.StyleBible.ApplyTo(shot.Spec, shot.Overrides).Spec;
        var result = await specs.ValidateAsync(spec, cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The shot cannot be generated yet.");

        var prompt = PromptRenderer.Render(spec);
        if (loaded.AnyBlocked)
        {
            var blocked = await db.Takes.AsNoTracking()
                .Where(t => t.ShotId == shotId && t.FailureClass == FailureClass.Moderation && t.Prompt == prompt
                    && t.Model == spec.Model && t.Size == spec.Size && t.Seconds == spec.Seconds && t.ReferenceAssetId == shot.ReferenceAssetId)
                .Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);
            if (blocked is { } blockedId)
                throw new StudioException(StudioErrorKind.Conflict,
                    $"This exact prompt was blocked by moderation (take {blockedId}); change the shot before generating it again.");
        }

        // The cast members the prompt names verbatim (at most two) go with the create, as their provider characters.
        var cast = Casting.Pick(prompt, await ProjectCast.EntriesAsync(db, shot.ProjectId, provider.Current, cancellationToken));
        var estimate = Estimate(spec, variations);
        var takes = Enumerable.Range(0, variations).Select(_ => NewTake(shot.ProjectId, shot.Id, spec, prompt, estimate.PerTake, user.Name, shot.ReferenceAssetId)).ToList();
        if (cast.Sent.Count > 0)
        {
            foreach (var take in takes)
                take.CharacterIds = [.. cast.CharacterIds];
        }
        await EnqueueAsync(db, shot.ProjectId, loaded.Budget, takes, estimate.Total, user, ActivityKind.Generated,
            $"generated {(variations == 1 ? "a take" : $"{variations} takes")} of “{shot.Title}”", cancellationToken);
        return takes.Select(t => t.Id).ToList();
    }

    /// <summary>Queues a remix of a ready take: the same video with the one change <paramref name="instruction"/> asks for.</summary>
    public async Task<long> RemixAsync(long parentTakeId, string instruction, string requestedBy = "", CancellationToken cancellationToken = default)
    {
        var result = await instructions.ValidateAsync(instruction ?? "", cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The remix cannot be asked for.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, parentTakeId, ProjectPermission.Edit, cancellationToken);
        var user = await access.UserAsync();
        var parent = await db.Takes.AsNoTracking().Include(t => t.Project).SingleOrDefaultAsync(t => t.Id == parentTakeId, cancellationToken)
            ?? throw StudioException.NotFound("Take", parentTakeId);
        if (parent.Status != TakeStatus.Ready || parent.VideoId is null)
            throw new StudioException(StudioErrorKind.Conflict, $"Take {parentTakeId} is {parent.Status}; only a ready take can be remixed.");
        if (parent.ExpiresAt is { } expires && expires <= time.GetUtcNow())
            throw new StudioException(StudioErrorKind.Conflict, $"Take {parentTakeId}'s video expired at the provider at {expires:u}; a remix needs it there. Generate the shot again instead.");
        if (Catalog.Find(parent.Model) is { SupportsRemix: false })
            throw new StudioException(StudioErrorKind.Conflict, $"{parent.Model} does not support remixes.");

        var estimate = LengthEstimate(parent.Model, parent.Size, parent.Seconds);
        var take = NewTake(parent.ProjectId, parent.ShotId, parent.Spec, instruction!.Trim(), estimate.PerTake, user.Name, referenceAssetId: null);
        take.Model = parent.Model;
        take.Size = parent.Size;
        take.Seconds = parent.Seconds;
        take.ParentTakeId = parent.Id;
        take.Kind = TakeKind.Remix;
        take.RemixInstruction = take.Prompt;
        await EnqueueAsync(db, parent.ProjectId, parent.Project!.Budget, [take], estimate.Total, user, ActivityKind.Remixed,
            $"remixed take {parent.Id}: “{take.RemixInstruction}”", cancellationToken);
        return take.Id;
    }

    /// <summary>
    /// Edits a ready take (<c>POST /videos/edits</c>): a new take of the same model, size and length with the one change
    /// asked for, a child of the take in the lineage. Priced and budget-checked like a generation of that length.
    /// </summary>
    public async Task<long> EditAsync(long parentTakeId, string instruction, CancellationToken cancellationToken = default)
    {
        var result = await instructions.ValidateAsync(instruction ?? "", cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The edit cannot be asked for.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (parent, user) = await ReadyParentAsync(db, parentTakeId, "edited", cancellationToken);
        if (Catalog.Find(parent.Model) is { SupportsEdits: false })
            throw new StudioException(StudioErrorKind.Conflict, $"{parent.Model} does not support edits; remix the take instead.");

        var estimate = LengthEstimate(parent.Model, parent.Size, parent.Seconds);
        var take = ChildTake(parent, TakeKind.Edit, instruction!.Trim(), parent.Seconds, estimate.PerTake, user.Name);
        await EnqueueAsync(db, parent.ProjectId, parent.Project!.Budget, [take], estimate.Total, user, ActivityKind.Edited,
            $"edited take {parent.Id}: “{take.RemixInstruction}”", cancellationToken);
        return take.Id;
    }

    /// <summary>
    /// How the provider makes a one-change take of <paramref name="model"/>: an edit where the catalog offers edits (the
    /// later guide's successor of remix), else a remix; null when it offers neither. A model the catalog does not know
    /// gets the launch contract's remix.
    /// </summary>
    public TakeKind? OneChangeKind(string model) => Catalog.Find(model) switch
    {
        null => TakeKind.Remix,
        { SupportsEdits: true } => TakeKind.Edit,
        { SupportsRemix: true } => TakeKind.Remix,
        _ => null,
    };

    /// <summary>Whether the catalog lets takes of <paramref name="model"/> be extended (a model it does not know: yes, the provider decides).</summary>
    public bool CanExtend(string model) => Catalog.Find(model) is not { SupportsExtensions: false };

    /// <summary>One change to a ready take, made the way its provider offers (<see cref="OneChangeKind"/>): an edit, else a remix.</summary>
    public async Task<long> ChangeAsync(long parentTakeId, string instruction, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, parentTakeId, ProjectPermission.Edit, cancellationToken);
        var model = await db.Takes.AsNoTracking().Where(t => t.Id == parentTakeId).Select(t => t.Model).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Take", parentTakeId);
        return OneChangeKind(model) == TakeKind.Edit
            ? await EditAsync(parentTakeId, instruction, cancellationToken)
            : await RemixAsync(parentTakeId, instruction, cancellationToken: cancellationToken);
    }

    /// <summary>What an edit or a remix of a take would cost (a take of its length), against the project's budget.</summary>
    public async Task<CostQuote> QuoteChangeAsync(long parentTakeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, parentTakeId, ProjectPermission.View, cancellationToken);
        var parent = await db.Takes.AsNoTracking().Where(t => t.Id == parentTakeId)
            .Select(t => new { t.Model, t.Size, t.Seconds, t.ProjectId, t.Project!.Budget }).SingleOrDefaultAsync(cancellationToken)
            ?? throw StudioException.NotFound("Take", parentTakeId);
        var estimate = LengthEstimate(parent.Model, parent.Size, parent.Seconds);
        return new CostQuote(estimate, await Budget.StatusAsync(db, parent.ProjectId, parent.Budget, cancellationToken));
    }

    /// <summary>
    /// The lengths a take may still be extended by (<see cref="ExtensionLimits.Choices"/>), with the price per second; when
    /// there are none, the refusal an extension would get (a seventh extension, a total over 120 s).
    /// </summary>
    public async Task<ExtensionChoices> ExtensionChoicesAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.View, cancellationToken);
        var take = await db.Takes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == takeId, cancellationToken)
            ?? throw StudioException.NotFound("Take", takeId);
        var extensions = await ExtensionsBeforeAsync(db, take, cancellationToken);
        IReadOnlyList<int> allowed = CanExtend(take.Model) ? ExtensionLimits.Choices(take.Seconds, extensions) : [];
        var refusal = !CanExtend(take.Model) ? $"{take.Model} does not support extensions."
            : allowed.Count == 0 ? ExtensionRefusal(takeId, take.Seconds, extensions, ExtensionLimits.AddedSeconds[0])?.Message
            : null;
        return new ExtensionChoices(takeId, take.Seconds, extensions, allowed, Catalog.Find(take.Model)?.PricePerSecond(take.Size), refusal);
    }

    /// <summary>
    /// What extending a take by <paramref name="seconds"/> would cost, against the project's budget. An extension the
    /// limits refuse gets no price: it is refused here with the same field-named errors as <see cref="ExtendAsync"/>.
    /// </summary>
    public async Task<CostQuote> QuoteExtensionAsync(long parentTakeId, int seconds, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, parentTakeId, ProjectPermission.View, cancellationToken);
        var parent = await db.Takes.AsNoTracking().Include(t => t.Project).SingleOrDefaultAsync(t => t.Id == parentTakeId, cancellationToken)
            ?? throw StudioException.NotFound("Take", parentTakeId);
        var estimate = ExtensionEstimate(parent.Model, parent.Size, seconds);
        if (ExtensionRefusal(parentTakeId, parent.Seconds, await ExtensionsBeforeAsync(db, parent, cancellationToken), seconds) is { } refusal)
            throw refusal;
        return new CostQuote(estimate, await Budget.StatusAsync(db, parent.ProjectId, parent.Project!.Budget, cancellationToken));
    }

    /// <summary>
    /// Extends a ready take (<c>POST /videos/extensions</c>) by <paramref name="seconds"/> (4–20) directed by
    /// <paramref name="prompt"/>: a new take whose clip is the take followed by the added seconds, a child of the take in
    /// the lineage. The added seconds are priced and budget-checked; at most six extensions and 120 s in all.
    /// </summary>
    public async Task<long> ExtendAsync(long parentTakeId, int seconds, string prompt, CancellationToken cancellationToken = default)
    {
        if (!ExtensionLimits.AddedSeconds.Contains(seconds))
            throw StudioException.Invalid("seconds", $"Extend by {string.Join(", ", ExtensionLimits.AddedSeconds)} seconds, not {seconds}.");
        if (string.IsNullOrWhiteSpace(prompt))
            throw StudioException.Invalid("prompt", "Say what happens in the added seconds.");
        if (prompt.Length > ShotSpecValidator.MaxPromptLength)
            throw StudioException.Invalid("prompt", $"The prompt must be at most {ShotSpecValidator.MaxPromptLength:N0} characters; it has {prompt.Length:N0}.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (parent, user) = await ReadyParentAsync(db, parentTakeId, "extended", cancellationToken);
        if (!CanExtend(parent.Model))
            throw new StudioException(StudioErrorKind.Conflict, $"{parent.Model} does not support extensions.");
        var estimate = ExtensionEstimate(parent.Model, parent.Size, seconds);
        if (ExtensionRefusal(parentTakeId, parent.Seconds, await ExtensionsBeforeAsync(db, parent, cancellationToken), seconds) is { } refusal)
            throw refusal;

        var take = ChildTake(parent, TakeKind.Extension, prompt.Trim(), parent.Seconds + seconds, estimate.PerTake, user.Name);
        await EnqueueAsync(db, parent.ProjectId, parent.Project!.Budget, [take], estimate.Total, user, ActivityKind.Extended,
            $"extended take {parent.Id} by {seconds} s: “{take.RemixInstruction}”", cancellationToken);
        return take.Id;
    }

    /// <summary>Tries a failed, canceled, expired or set-aside take again, on purpose: a new take with the same request.</summary>
    public async Task<long> RetryAsync(long takeId, string requestedBy = "", CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.Edit, cancellationToken);
        var user = await access.UserAsync();
        var original = await db.Takes.AsNoTracking().Include(t => t.ReferenceAsset).Include(t => t.Project)
            .SingleOrDefaultAsync(t => t.Id == takeId, cancellationToken) ?? throw StudioException.NotFound("Take", takeId);
        if (!TakeStateMachine.CanRetry(original.Status))
            throw new StudioException(StudioErrorKind.Conflict, $"Take {takeId} is {original.Status}; only a failed, canceled, expired or set-aside take can be retried.");
        if (original.FailureClass == FailureClass.Moderation)
            throw new StudioException(StudioErrorKind.Conflict,
                $"Take {takeId} was blocked by moderation ({original.ErrorMessage}); retrying it unchanged would be blocked again. Change the shot and generate it.");
        EnsureReferenceExists(original.Spec, original.ReferenceAsset, original.ParentTakeId is not null);

        // Priced as the original was: a generation by its spec, an edit or remix by its length, an extension by the seconds it adds.
        var estimate = (original.Kind, original.ParentTakeId) switch
        {
            (TakeKind.Generation, _) or (_, null) => Estimate(original.Spec with { Model = original.Model, Size = original.Size, Seconds = original.Seconds }),
            (TakeKind.Extension, { } parentId) => ExtensionEstimate(original.Model, original.Size,
                original.Seconds - await db.Takes.Where(t => t.Id == parentId).Select(t => t.Seconds).SingleAsync(cancellationToken)),
            _ => LengthEstimate(original.Model, original.Size, original.Seconds),
        };
        var take = NewTake(original.ProjectId, original.ShotId, original.Spec, original.Prompt, estimate.PerTake, user.Name, original.ReferenceAssetId);
        take.Model = original.Model;
        take.Size = original.Size;
        take.Seconds = original.Seconds;
        take.ParentTakeId = original.ParentTakeId;
        take.Kind = original.Kind;
        take.RemixInstruction = original.RemixInstruction;
        take.RetryOfTakeId = original.Id;
        take.CharacterIds = original.CharacterIds;
        await EnqueueAsync(db, original.ProjectId, original.Project!.Budget, [take], estimate.Total, user, ActivityKind.Retried,
            $"retried take {original.Id}", cancellationToken);
        return take.Id;
    }

    /// <summary>
    /// Cancels a take. Not yet submitted (or set aside): canceled at once. At the provider: the worker deletes the job
    /// where it can and then marks it canceled. Returns the status right after the call.
    /// </summary>
    public async Task<TakeStatus> CancelAsync(long takeId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireTakeAsync(db, takeId, ProjectPermission.Edit, cancellationToken);
        var outcome = await lifecycle.RequestCancelAsync(db, takeId, cancellationToken) ?? throw StudioException.NotFound("Take", takeId);
        if (!outcome.Accepted)
            throw new StudioException(StudioErrorKind.Conflict, $"Take {takeId} is already {outcome.Status}.");
        return outcome.Status;
    }

    /// <summary>
    /// What <paramref name="variations"/> takes of the shot would cost, against the project's budget. A shot that could
    /// not be generated gets no price: it is refused here with the same errors as <see cref="GenerateAsync"/>, so nobody
    /// is asked to confirm a price for a take that would be refused.
    /// </summary>
    public async Task<CostQuote> QuoteAsync(long shotId, int variations = 1, CancellationToken cancellationToken = default)
    {
        if (variations is < 1 or > CostEstimator.MaxVariations)
            throw StudioException.Invalid("variations", $"Ask for 1 to {CostEstimator.MaxVariations} variations, not {variations}.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.RequireShotAsync(db, shotId, ProjectPermission.View, cancellationToken);
        var shot = await db.Shots.AsNoTracking().Where(s => s.Id == shotId).Select(s => new { s.Spec, s.Overrides, s.ProjectId, s.Project!.Budget, s.Project.StyleBible })
            .SingleOrDefaultAsync(cancellationToken) ?? throw StudioException.NotFound("Shot", shotId);
        var result = await specs.ValidateAsync(shot.StyleBible.ApplyTo(shot.Spec, shot.Overrides).Spec, cancellationToken);
        if (!result.IsValid)
            throw StudioException.Invalid(result, "The shot cannot be generated yet.");
        // The style bible never changes model, size or duration, so the shot's own spec prices the take.
        var estimate = CostEstimator.Estimate(shot.Spec, Catalog, variations)
            ?? throw StudioException.Invalid("model", $"There is no price for {shot.Spec.Model} at {shot.Spec.Size} for {shot.Spec.Seconds} s.");
        return new CostQuote(estimate, await Budget.StatusAsync(db, shot.ProjectId, shot.Budget, cancellationToken));
    }

    /// <summary>A ready take whose video is still at the provider: what a remix, an edit or an extension starts from.</summary>
    private async Task<(Take Parent, StudioIdentity User)> ReadyParentAsync(StudioDbContext db, long parentTakeId, string verb, CancellationToken cancellationToken)
    {
        await access.RequireTakeAsync(db, parentTakeId, ProjectPermission.Edit, cancellationToken);
        var user = await access.UserAsync();
        var parent = await db.Takes.AsNoTracking().Include(t => t.Project).SingleOrDefaultAsync(t => t.Id == parentTakeId, cancellationToken)
            ?? throw StudioException.NotFound("Take", parentTakeId);
        if (parent.Status != TakeStatus.Ready || parent.VideoId is null)
            throw new StudioException(StudioErrorKind.Conflict, $"Take {parentTakeId} is {parent.Status}; only a ready take can be {verb}.");
        if (parent.ExpiresAt is { } expires && expires <= time.GetUtcNow())
            throw new StudioException(StudioErrorKind.Conflict, $"Take {parentTakeId}'s video expired at the provider at {expires:u}; it cannot be {verb}. Generate the shot again instead.");
        return (parent, user);
    }

    private Take ChildTake(Take parent, TakeKind kind, string prompt, int seconds, decimal estimatedCost, string requestedBy)
    {
        var take = NewTake(parent.ProjectId, parent.ShotId, parent.Spec, prompt, estimatedCost, requestedBy, referenceAssetId: null);
        take.Model = parent.Model;
        take.Size = parent.Size;
        take.Seconds = seconds;
        take.ParentTakeId = parent.Id;
        take.Kind = kind;
        take.RemixInstruction = prompt;
        return take;
    }

    private CostEstimate ExtensionEstimate(string model, string size, int seconds)
    {
        if (!ExtensionLimits.AddedSeconds.Contains(seconds))
            throw StudioException.Invalid("seconds", $"Extend by {string.Join(", ", ExtensionLimits.AddedSeconds)} seconds, not {seconds}.");
        return LengthEstimate(model, size, seconds);
    }

    private CostEstimate LengthEstimate(string model, string size, int seconds) =>
        CostEstimator.EstimateLength(model, size, seconds, Catalog)
        ?? throw StudioException.Invalid("model", $"There is no price for {model} at {size}.");

    /// <summary>
    /// Why a take of <paramref name="seconds"/> that is the <paramref name="extensions"/>th extension in a row cannot get
    /// <paramref name="added"/> seconds more (a field-named refusal), or null when it can.
    /// </summary>
    private static StudioException? ExtensionRefusal(long takeId, int seconds, int extensions, int added)
    {
        if (extensions >= ExtensionLimits.MaxExtensions)
            return StudioException.Invalid("seconds", $"Take {takeId} is already the {ExtensionLimits.MaxExtensions}th extension in a row; a clip can be extended at most {ExtensionLimits.MaxExtensions} times.");
        var total = seconds + added;
        return total > ExtensionLimits.MaxTotalSeconds
            ? StudioException.Invalid("seconds", $"Take {takeId} is {seconds} s; {added} s more would make {total} s, over the {ExtensionLimits.MaxTotalSeconds} s an extended clip may last.")
            : null;
    }

    /// <summary>How many extensions in a row lead to <paramref name="take"/>, itself included.</summary>
    private static async Task<int> ExtensionsBeforeAsync(StudioDbContext db, Take take, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var current = take; current is { Kind: TakeKind.Extension, ParentTakeId: { } parentId } && count <= ExtensionLimits.MaxExtensions; count++)
        {
            current = await db.Takes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == parentId, cancellationToken);
        }
        return count;
    }

    private CostEstimate Estimate(ShotSpec spec, int variations = 1) =>
        CostEstimator.Estimate(spec, Catalog, variations)
        ?? throw StudioException.Invalid("model", $"There is no price for {spec.Model} at {spec.Size} for {spec.Seconds} s.");

    private void EnsureReferenceExists(ShotSpec spec, Asset? asset, bool isRemix = false)
    {
        if (isRemix || (spec.ReferenceImage is null && asset is null))
            return;
        if (asset is null || !store.Exists(asset.RelativePath))
            throw StudioException.Invalid("referenceImage",
                $"The reference image {(spec.ReferenceImage is { } image ? $"“{image.FileName}” " : "")}no longer exists; choose another image for the shot or remove it.");
    }

    private Take NewTake(long projectId, long shotId, ShotSpec spec, string prompt, decimal estimatedCost, string requestedBy, long? referenceAssetId) => new()
    {
        ProjectId = projectId,
        ShotId = shotId,
        Spec = spec,
        Prompt = prompt,
        Model = spec.Model,
        Size = spec.Size,
        Seconds = spec.Seconds,
        ReferenceAssetId = referenceAssetId,
        EstimatedCost = estimatedCost,
        RequestedBy = requestedBy,
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>The budget check and the inserts in one write transaction: two requests at once cannot both spend the last dollar.</summary>
    private async Task EnqueueAsync(StudioDbContext db, long projectId, decimal? budget, List<Take> takes, decimal cost,
        StudioIdentity user, ActivityKind kind, string summary, CancellationToken cancellationToken)
    {
        // The transaction is ours and short; EF's savepoint around SaveChanges would only add two statements.
        db.Database.AutoSavepointsEnabled = false;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (budget is { } limit)
            {
                var status = await Budget.StatusAsync(db, projectId, limit, cancellationToken);
                if (cost > status.Remaining)
                    throw new StudioException(StudioErrorKind.OverBudget,
                        $"This would cost {CostEstimate.Format(cost)}, but only {CostEstimate.Format(Math.Max(0, status.Remaining!.Value))} " +
                        $"of the project's {CostEstimate.Format(limit)} budget is left ({CostEstimate.Format(status.Committed)} committed).");
            }
            lifecycle.Enqueue(db, takes);
            await db.SaveChangesAsync(cancellationToken);
            // The audit trail of money spent: written with the takes, or not at all.
            ActivityLog.Add(db, time.GetUtcNow(), projectId, user, kind, summary, takes[0].ShotId, takes.Count == 1 ? takes[0].Id : null, cost);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        lifecycle.Announce(takes);
    }
}
