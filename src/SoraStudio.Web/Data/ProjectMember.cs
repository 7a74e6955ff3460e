namespace SoraStudio.Web.Data;

/// <summary>A user's role in a project. Nobody sees a project without one.</summary>
public sealed class ProjectMember
{
    public long ProjectId { get; set; }
    public Project? Project { get; set; }

    public string UserId { get; set; } = "";
    public StudioUser? User { get; set; }

    public ProjectRole Role { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
