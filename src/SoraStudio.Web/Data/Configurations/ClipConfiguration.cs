using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class ClipConfiguration : IEntityTypeConfiguration<Clip>
{
    public void Configure(EntityTypeBuilder<Clip> clip)
    {
        clip.Property(c => c.Variant).HasMaxLength(20);
        clip.Property(c => c.RelativePath).HasMaxLength(300);
        clip.Property(c => c.Sha256).HasMaxLength(64);
        clip.Property(c => c.ContentType).HasMaxLength(100);
        clip.HasOne(c => c.Take).WithMany(t => t.Clips).HasForeignKey(c => c.TakeId).OnDelete(DeleteBehavior.Cascade);
        clip.HasIndex(c => new { c.TakeId, c.Variant }).IsUnique();
        clip.HasIndex(c => c.RelativePath);
    }
}
