using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoraStudio.Core.StyleBible;

namespace SoraStudio.Web.Data.Configurations;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> project)
    {
        project.Property(p => p.Name).HasMaxLength(200);
        project.Property(p => p.StyleBible).HasConversion(JsonConversion<StyleBible>.Converter, JsonConversion<StyleBible>.Comparer).HasColumnName("StyleBibleJson");
        project.Property(p => p.Description).HasMaxLength(4000);
        project.Property(p => p.DefaultModel).HasMaxLength(100);
        project.Property(p => p.DefaultSize).HasMaxLength(20);
        project.HasIndex(p => p.Name);
    }
}
