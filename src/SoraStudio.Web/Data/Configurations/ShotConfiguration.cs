using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraStudio.Core.Spec;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class ShotConfiguration : IEntityTypeConfiguration<Shot>
{
    public void Configure(EntityTypeBuilder<Shot> shot)
    {
        shot.Property(s => s.Title).HasMaxLength(200);
        shot.Property(s => s.Spec).HasConversion(JsonConversion<ShotSpec>.Converter, JsonConversion<ShotSpec>.Comparer).HasColumnName("SpecJson");
        shot.Property(s => s.Overrides).HasConversion(JsonConversion<ShotOverrides>.Converter, JsonConversion<ShotOverrides>.Comparer).HasColumnName("OverridesJson");
        shot.HasOne(s => s.Project).WithMany(p => p.Shots).HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // The shot owns its takes; the selected take is only a pointer into them.
        shot.HasOne(s => s.SelectedTake).WithMany().HasForeignKey(s => s.SelectedTakeId).OnDelete(DeleteBehavior.SetNull);
        shot.HasOne(s => s.ReferenceAsset).WithMany().HasForeignKey(s => s.ReferenceAssetId).OnDelete(DeleteBehavior.SetNull);
        shot.HasIndex(s => new { s.ProjectId, s.Position });
    }
}
