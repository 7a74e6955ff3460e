namespace SoraStudio.Web.Data;

/// <summary>A one-time link that makes its holder a member of a project with a role. Only the token's hash is stored.</summary>
public sealed class Invite
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project? Project { get; set; }
    public ProjectRole Role { get; set; }

    /// <summary>SHA-256 of the token in the link, hex.</summary>
    public string TokenHash { get; set; } = "";

    public string CreatedByUserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
    public string? UsedByUserId { get; set; }
}
