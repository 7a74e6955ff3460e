using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class StudioUserConfiguration : IEntityTypeConfiguration<StudioUser>
{
    public void Configure(EntityTypeBuilder<StudioUser> user) => user.Property(u => u.DisplayName).HasMaxLength(100);
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> member)
    {
        member.HasKey(m => new { m.ProjectId, m.UserId });
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        member.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        member.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        // "My projects": every page asks it.
        member.HasIndex(m => new { m.UserId, m.ProjectId });
    }
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> invite)
    {
        invite.Property(i => i.Role).HasConversion<string>().HasMaxLength(20);
        invite.Property(i => i.TokenHash).HasMaxLength(64);
        invite.HasIndex(i => i.TokenHash).IsUnique();
        invite.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StudioSettingConfiguration : IEntityTypeConfiguration<StudioSetting>
{
    public void Configure(EntityTypeBuilder<StudioSetting> setting)
    {
        setting.HasKey(s => s.Key);
        setting.Property(s => s.Key).HasMaxLength(100);
    }
}
