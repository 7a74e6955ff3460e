using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraStudio.Core.Spec;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class TakeConfiguration : IEntityTypeConfiguration<Take>
{
    public void Configure(EntityTypeBuilder<Take> take)
    {
        take.Property(t => t.Spec).HasConversion(JsonConversion<ShotSpec>.Converter, JsonConversion<ShotSpec>.Comparer).HasColumnName("SpecJson");
        take.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        take.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        take.Property(t => t.FailureClass).HasConversion<string>().HasMaxLength(20);
        take.Property(t => t.Model).HasMaxLength(100);
        take.Property(t => t.Size).HasMaxLength(20);
        take.Property(t => t.VideoId).HasMaxLength(200);
        take.Property(t => t.Provider).HasMaxLength(500);
        take.Property(t => t.RequestedBy).HasMaxLength(200);
        take.Property(t => t.LeaseOwner).HasMaxLength(200);

        // Every write of the worker is conditional on still holding the lease it read.
        take.Property(t => t.LeaseOwner).IsConcurrencyToken();

        take.HasOne(t => t.Shot).WithMany(s => s.Takes).HasForeignKey(t => t.ShotId).OnDelete(DeleteBehavior.Cascade);
        take.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        take.HasOne(t => t.ParentTake).WithMany().HasForeignKey(t => t.ParentTakeId).OnDelete(DeleteBehavior.SetNull);
        take.HasOne(t => t.ReferenceAsset).WithMany().HasForeignKey(t => t.ReferenceAssetId).OnDelete(DeleteBehavior.SetNull);

        // One provider video belongs to one take: reconciliation cannot adopt a video twice.
        take.HasIndex(t => t.VideoId).IsUnique();
        // "Take 3" names one take of its project.
        take.HasIndex(t => new { t.ProjectId, t.Number }).IsUnique();
        // The gallery: a shot's takes, its counts by status, a project's takes newest first (all or of one status).
        take.HasIndex(t => new { t.ShotId, t.CreatedAt });
        take.HasIndex(t => new { t.ShotId, t.Status });
        take.HasIndex(t => new { t.ProjectId, t.CreatedAt });
        take.HasIndex(t => new { t.ProjectId, t.Status, t.CreatedAt });
        // The budget check on every submission, and the project's totals, read only this index.
        take.HasIndex(t => new { t.ProjectId, t.Status, t.EstimatedCost, t.Cost });
        // The worker: what is due.
        take.HasIndex(t => new { t.Status, t.NextCheckAt });
    }
}
