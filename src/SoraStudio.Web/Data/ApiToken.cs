namespace SoraStudio.Web.Data;

/// <summary>
/// A personal access token for the automation API: it acts with its user's own rights. Only the SHA-256 of the token
/// is stored; <see cref="Prefix"/> (the token's first characters) lets its owner recognise it in the list.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public StudioUser? User { get; set; }

    /// <summary>What the user called it ("CI", "laptop script").</summary>
    public string Name { get; set; } = "";

    /// <summary>The token's first characters ("sora_pat_AbC123"), shown to tell tokens apart; not enough to use it.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>After this moment the token is refused; null for a token that does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the token last authenticated a request (kept to the minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
