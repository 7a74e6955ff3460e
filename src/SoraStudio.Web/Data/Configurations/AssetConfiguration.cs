using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> asset)
    {
        asset.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        asset.Property(a => a.Name).HasMaxLength(200);
        asset.Property(a => a.FileName).HasMaxLength(260);
        asset.Property(a => a.RelativePath).HasMaxLength(300);
        asset.Property(a => a.ContentType).HasMaxLength(100);
        asset.Property(a => a.Sha256).HasMaxLength(64);
        asset.HasOne(a => a.Project).WithMany(p => p.Assets).HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        asset.HasIndex(a => new { a.ProjectId, a.Kind });
        asset.HasIndex(a => a.RelativePath);
    }
}
