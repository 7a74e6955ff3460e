using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Review;

namespace SoraStudio.Web.Features.Export;

/// <summary>
/// The review notes of an archive (version 2): each take's review (state, rating, note) and its comments with their
/// replies. People travel as name and email; on import they are matched by email to accounts of this studio, and a
/// note whose author has no account here keeps the archive's name and email instead of being given to the importer.
/// </summary>
public sealed partial class ProjectArchive
{
    /// <summary>The reviews and comments of the exported takes, by take id, with comment keys in thread order.</summary>
    private sealed record ReviewNotes(Dictionary<long, ArchiveReview> Reviews, ILookup<long, ArchiveComment> Comments);

    private static async Task<ReviewNotes> ReadReviewNotesAsync(StudioDbContext db, long projectId, Dictionary<long, int> takeKeys, CancellationToken cancellationToken)
    {
        var reviews = (await db.TakeReviews.AsNoTracking().Where(r => r.ProjectId == projectId).ToListAsync(cancellationToken))
            .Where(r => takeKeys.ContainsKey(r.TakeId)).ToList();
        var comments = (await db.TakeComments.AsNoTracking().Where(c => c.ProjectId == projectId).ToListAsync(cancellationToken))
            .Where(c => takeKeys.ContainsKey(c.TakeId)).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        var userIds = reviews.Select(r => r.ReviewedByUserId)
            .Concat(comments.SelectMany(c => c.Mentions.Append(c.AuthorUserId).Append(c.ResolvedByUserId)))
            .OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new ArchivePerson { Name = u.DisplayName, Email = u.Email ?? "" }, cancellationToken);
        ArchivePerson? Person(string? userId, string? importedName = null, string? importedEmail = null) =>
            userId is not null && people.TryGetValue(userId, out var person) ? person
            : importedName is not null ? new ArchivePerson { Name = importedName, Email = importedEmail ?? "" }
            : null;

        var commentKeys = comments.Select((c, i) => (c.Id, Key: i + 1)).ToDictionary(x => x.Id, x => x.Key);
        return new ReviewNotes(
            reviews.ToDictionary(r => r.TakeId, r => new ArchiveReview
            {
                State = r.State.ToString(), Rating = r.Rating, Note = r.Note, ReviewedAt = r.ReviewedAt,
                ReviewedBy = Person(r.ReviewedByUserId, r.ImportedReviewerName, r.ImportedReviewerEmail),
            }),
            comments.ToLookup(c => c.TakeId, c => new ArchiveComment
            {
                Key = commentKeys[c.Id], ReplyTo = c.ParentCommentId is { } parent ? commentKeys[parent] : null,
                Author = Person(c.AuthorUserId, c.ImportedAuthorName, c.ImportedAuthorEmail) ?? new ArchivePerson { Name = "A former member" },
                Body = c.Body, StartSeconds = c.StartSeconds, EndSeconds = c.EndSeconds,
                Mentions = c.Mentions.Select(id => Person(id)).OfType<ArchivePerson>().ToList(),
                CreatedAt = c.CreatedAt, EditedAt = c.EditedAt, ResolvedAt = c.ResolvedAt, ResolvedBy = Person(c.ResolvedByUserId),
                RemixTake = c.RemixTakeId is { } remix && takeKeys.TryGetValue(remix, out var key) ? key : null,
            }));
    }

    /// <summary>A shot's approved take as its takes' reviews say: the one approved most recently (as <see cref="ReviewService"/> reads it).</summary>
    private static int? ApprovedTake(int shot, IEnumerable<ArchiveTake> takes) =>
        takes.Where(t => t.Shot == shot && t.Review?.State == nameof(ReviewState.Approved))
            .OrderByDescending(t => t.Review!.ReviewedAt).ThenByDescending(t => t.Key)
            .Select(t => (int?)t.Key).FirstOrDefault();

    private static void CheckReviewNotes(ArchiveManifest manifest)
    {
        var takes = manifest.Takes.Select(t => t.Key).ToHashSet();
        var commentKeys = new HashSet<int>();
        foreach (var take in manifest.Takes)
        {
            if (take.Review is { } review)
                CheckReview(take, review);
            var comments = take.Comments ?? [];
            var threads = comments.Where(c => c.ReplyTo is null).Select(c => c.Key).ToHashSet();
            foreach (var comment in comments)
            {
                var what = $"comment {comment.Key} on take {take.Key}";
                if (!commentKeys.Add(comment.Key))
                    throw Refused($"two comments share the key {comment.Key}.");
                if (string.IsNullOrWhiteSpace(comment.Author?.Name))
                    throw Refused($"{what} has no author.");
                if (CommentRules.Check(comment.Body) is { } problem)
                    throw Refused($"{what} is not a valid comment: {problem}");
                if (comment.ReplyTo is { } parent)
                {
                    if (!threads.Contains(parent))
                        throw Refused($"{what} replies to comment {parent}, which is not a comment on the same take.");
                    if (comment.StartSeconds is not null || comment.EndSeconds is not null || comment.ResolvedAt is not null)
                        throw Refused($"{what} is a reply with its own time code or resolved state; a reply belongs to its comment's.");
                }
                else if (CommentRules.CheckTimes(comment.StartSeconds, comment.EndSeconds, take.Seconds) is { } time)
                    throw Refused($"{what} has a bad time code: {time.Problem}");
                if (comment.RemixTake is { } remix && !takes.Contains(remix))
                    throw Refused($"{what} was turned into take {remix}, which is not in the archive.");
            }
        }
        foreach (var shot in manifest.Shots)
        {
            if (shot.ApprovedTake != ApprovedTake(shot.Key, manifest.Takes))
                throw Refused($"shot {shot.Key} names take {shot.ApprovedTake?.ToString(CultureInfo.InvariantCulture) ?? "none"} as approved, but its takes' reviews approve {ApprovedTake(shot.Key, manifest.Takes)?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        }
    }

    private static void CheckReview(ArchiveTake take, ArchiveReview review)
    {
        if (!Enum.GetNames<ReviewState>().Contains(review.State, StringComparer.Ordinal))
            throw Refused($"take {take.Key}'s review state “{review.State}” is not one of {string.Join(", ", Enum.GetNames<ReviewState>())}.");
        if (review.Rating is < 1 or > 5)
            throw Refused($"take {take.Key} is rated {review.Rating}; a rating is 1 to 5 stars.");
        var note = review.Note ?? "";
        if (note.Length > ReviewService.MaxNote)
            throw Refused($"take {take.Key}'s review note is longer than {ReviewService.MaxNote} characters.");
        if (review.State == nameof(ReviewState.ChangesRequested) && note.Trim().Length == 0)
            throw Refused($"take {take.Key} has changes requested without a note saying what should change.");
        if (review.State != nameof(ReviewState.Pending) && review.ReviewedAt is null)
            throw Refused($"take {take.Key} is {review.State} but has no review time.");
    }

    /// <summary>Writes the reviews and comments of the imported takes (in the import's transaction).</summary>
    private static async Task WriteReviewNotesAsync(StudioDbContext db, ArchiveManifest manifest, long projectId, Dictionary<int, Take> takes, CancellationToken cancellationToken)
    {
        var comments = manifest.Takes.SelectMany(t => (t.Comments ?? []).Select(c => (Take: t, Comment: c))).ToList();
        var people = manifest.Takes.Select(t => t.Review?.ReviewedBy)
            .Concat(comments.SelectMany(x => (x.Comment.Mentions ?? []).Append(x.Comment.Author).Append(x.Comment.ResolvedBy)))
            .OfType<ArchivePerson>().ToList();
        var emails = people.Select(p => Normalized(p.Email)).Where(e => e.Length > 0).Distinct().ToList();
        var accounts = (await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && emails.Contains(u.NormalizedEmail))
                .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken))
            .ToDictionary(u => u.NormalizedEmail!, u => u.Id);
        string? Account(ArchivePerson? person) => accounts.GetValueOrDefault(Normalized(person?.Email));

        foreach (var take in manifest.Takes.Where(t => t.Review is not null))
        {
            var review = take.Review!;
            var by = Account(review.ReviewedBy);
            db.TakeReviews.Add(new TakeReview
            {
                TakeId = takes[take.Key].Id, ProjectId = projectId, ShotId = takes[take.Key].ShotId, State = Enum.Parse<ReviewState>(review.State),
                Rating = review.Rating, Note = review.Note ?? "", ReviewedAt = review.ReviewedAt, ReviewedByUserId = by,
                ImportedReviewerName = by is null ? review.ReviewedBy?.Name : null, ImportedReviewerEmail = by is null ? review.ReviewedBy?.Email : null,
            });
        }

        // Comments first, then the replies that point at them.
        var rows = new Dictionary<int, TakeComment>();
        foreach (var replies in new[] { false, true })
        {
            foreach (var (take, c) in comments.Where(x => x.Comment.ReplyTo is not null == replies))
            {
                var author = Account(c.Author);
                var row = new TakeComment
                {
                    TakeId = takes[take.Key].Id, ProjectId = projectId, ParentCommentId = c.ReplyTo is { } parent ? rows[parent].Id : null,
                    AuthorUserId = author, ImportedAuthorName = author is null ? c.Author.Name.Trim() : null, ImportedAuthorEmail = author is null ? c.Author.Email?.Trim() ?? "" : null,
                    Body = c.Body.Trim(), StartSeconds = c.StartSeconds, EndSeconds = c.EndSeconds,
                    Mentions = (c.Mentions ?? []).Select(Account).OfType<string>().Distinct().ToList(),
                    CreatedAt = c.CreatedAt, EditedAt = c.EditedAt, ResolvedAt = c.ResolvedAt, ResolvedByUserId = Account(c.ResolvedBy),
                    RemixTakeId = c.RemixTake is { } remix ? takes[remix].Id : null,
                };
                db.TakeComments.Add(row);
                rows[c.Key] = row;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    // As ASP.NET Core Identity normalizes emails for lookups.
    private static string Normalized(string? email) => email?.Trim().ToUpperInvariant() ?? "";
}
