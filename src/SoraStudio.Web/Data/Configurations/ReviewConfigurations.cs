using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class TakeReviewConfiguration : IEntityTypeConfiguration<TakeReview>
{
    public void Configure(EntityTypeBuilder<TakeReview> review)
    {
        review.HasKey(r => r.TakeId);
        review.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        review.Property(r => r.Note).HasMaxLength(2000);
        review.Property(r => r.ImportedReviewerName).HasMaxLength(256);
        review.Property(r => r.ImportedReviewerEmail).HasMaxLength(256);
        review.HasOne(r => r.Take).WithOne().HasForeignKey<TakeReview>(r => r.TakeId).OnDelete(DeleteBehavior.Cascade);
        // A shot's approved take; a project's reviews by state.
        review.HasIndex(r => new { r.ShotId, r.State, r.ReviewedAt });
        review.HasIndex(r => new { r.ProjectId, r.State });
    }
}

internal sealed class TakeCommentConfiguration : IEntityTypeConfiguration<TakeComment>
{
    private static readonly ValueConverter<List<string>, string> Ids = new(
        ids => string.Join(',', ids),
        text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList());

    private static readonly ValueComparer<List<string>> IdsComparer = new(
        (a, b) => a!.SequenceEqual(b!), ids => ids.Aggregate(0, (h, id) => HashCode.Combine(h, id)), ids => ids.ToList());

    public void Configure(EntityTypeBuilder<TakeComment> comment)
    {
        comment.Property(c => c.Body).HasMaxLength(Features.Review.CommentRules.MaxLength);
        comment.Property(c => c.Mentions).HasConversion(Ids, IdsComparer).HasMaxLength(2000);
        comment.Property(c => c.ImportedAuthorName).HasMaxLength(256);
        comment.Property(c => c.ImportedAuthorEmail).HasMaxLength(256);
        comment.HasOne(c => c.Take).WithMany().HasForeignKey(c => c.TakeId).OnDelete(DeleteBehavior.Cascade);
        comment.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        comment.HasOne<TakeComment>().WithMany().HasForeignKey(c => c.ParentCommentId).OnDelete(DeleteBehavior.Cascade);
        comment.HasIndex(c => new { c.TakeId, c.CreatedAt });
        comment.HasIndex(c => c.RemixTakeId);
    }
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> entry)
    {
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        entry.Property(e => e.Actor).HasMaxLength(100);
        entry.Property(e => e.Summary).HasMaxLength(1000);
        entry.HasOne<Project>().WithMany().HasForeignKey(e => e.ProjectId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.ProjectId, e.At });
    }
}
