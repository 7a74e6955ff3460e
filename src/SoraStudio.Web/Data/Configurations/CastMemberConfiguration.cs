using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class CastMemberConfiguration : IEntityTypeConfiguration<CastMember>
{
    public void Configure(EntityTypeBuilder<CastMember> member)
    {
        member.Property(m => m.Name).HasMaxLength(80);
        member.Property(m => m.State).HasConversion<string>().HasMaxLength(20);
        member.Property(m => m.Provider).HasMaxLength(500);
        member.Property(m => m.CharacterId).HasMaxLength(200);
        member.Property(m => m.FileName).HasMaxLength(260);
        member.Property(m => m.ClipPath).HasMaxLength(300);
        member.Property(m => m.ClipSha256).HasMaxLength(64);
        member.Property(m => m.ThumbnailPath).HasMaxLength(300);
        member.Property(m => m.ErrorMessage).HasMaxLength(2000);
        member.Property(m => m.CreatedBy).HasMaxLength(200);
        member.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne<Take>().WithMany().HasForeignKey(m => m.SourceTakeId).OnDelete(DeleteBehavior.SetNull);
        // A prompt names a member by name: two of one name in a project could not be told apart.
        member.HasIndex(m => new { m.ProjectId, m.Name }).IsUnique();
    }
}
