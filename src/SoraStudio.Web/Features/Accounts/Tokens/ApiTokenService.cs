using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Accounts.Tokens;

/// <summary>A token as its owner's list shows it (never the token itself).</summary>
public sealed record ApiTokenInfo(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public ApiTokenState StateAt(DateTimeOffset now) =>
        RevokedAt is not null ? ApiTokenState.Revoked : ExpiresAt is { } expires && expires <= now ? ApiTokenState.Expired : ApiTokenState.Active;
}

public enum ApiTokenState { Active, Expired, Revoked }

/// <summary>A new token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenInfo Info, string Token);

/// <summary>The user a valid token acts for, as the request's identity needs it.</summary>
public sealed record ApiTokenCaller(string UserId, string UserName, string DisplayName, bool IsStudioOwner);

/// <summary>Why a presented token authenticates nobody; the message is what the 401 says.</summary>
public sealed record ApiTokenRefusal(string Message);

/// <summary>
/// Personal access tokens: <c>sora_pat_</c> followed by 32 random bytes (base64url). Only their SHA-256 is stored, so
/// a copy of the database gives no access. A token acts with its user's own rights, until it expires or is revoked.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<StudioDbContext> contexts, CurrentUser currentUser, TimeProvider time, ApiTokenUse use)
{
    public const string TokenPrefix = "sora_pat_";
    public const int NameMaxLength = 100;

    /// <summary>How many characters of the token the list shows: the marker and six of the secret.</summary>
    private const int ShownPrefixLength = 15;

    /// <summary>32 bytes in base64url without padding.</summary>
    private const int SecretLength = 43;

    public async Task<IReadOnlyList<ApiTokenInfo>> MineAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId).ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(Info).ToList();
    }

    /// <summary>Creates a token for the current user; <paramref name="expiresAt"/> null for one that does not expire.</summary>
    public async Task<CreatedApiToken> CreateAsync(string name, DateTimeOffset? expiresAt, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (user.IsSystem)
            throw new StudioException(StudioErrorKind.Forbidden, "Tokens belong to people; the system identity cannot have one.");
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
            throw StudioException.Invalid("name", "Give the token a name, so you know later what uses it.");
        if (trimmed.Length > NameMaxLength)
            throw StudioException.Invalid("name", $"A token's name has at most {NameMaxLength} characters.");
        if (!SoraStudio.Core.Validation.TextLimits.IsSingleLine(trimmed))
            throw StudioException.Invalid("name", "A token's name cannot contain control characters.");
        var now = time.GetUtcNow();
        if (expiresAt is { } expires && expires <= now)
            throw StudioException.Invalid("expiresAt", "The expiry must be in the future.");

        var token = TokenPrefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var row = new ApiToken
        {
            UserId = user.UserId,
            Name = trimmed,
            Prefix = token[..ShownPrefixLength],
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(Info(row), token);
    }

    /// <summary>Revokes one of the current user's tokens; someone else's is "does not exist".</summary>
    public async Task RevokeAsync(long tokenId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.UserId, cancellationToken)
            ?? throw StudioException.NotFound("Token", tokenId);
        row.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Who a presented token acts for, or why it is refused (malformed, unknown, expired, revoked). One query per
    /// request, nothing cached, so a revocation (from this process or another on the database) holds from the next
    /// request on. Records the use to the minute: one request per token and minute writes it (<see cref="ApiTokenUse"/>).
    /// </summary>
    public async Task<(ApiTokenCaller? Caller, ApiTokenRefusal? Refusal)> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(token))
            return (null, new ApiTokenRefusal($"The bearer token is malformed: a personal access token starts with “{TokenPrefix}” followed by {SecretLength} characters."));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await FindByHash(db, Hash(token), cancellationToken);
        var now = time.GetUtcNow();
        if (row is null)
            return (null, new ApiTokenRefusal("The token is not known to this studio."));
        if (row.RevokedAt is not null)
            return (null, new ApiTokenRefusal($"The token “{row.Name}” was revoked; create a new one at /account/tokens."));
        if (row.ExpiresAt is { } expires && expires <= now)
            return (null, new ApiTokenRefusal($"The token “{row.Name}” expired on {expires:u}; create a new one at /account/tokens."));
        if (use.ShouldRecord(row.Id, row.LastUsedAt, now))
        {
            await db.ApiTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }
        return (new ApiTokenCaller(row.UserId, row.UserName ?? row.UserId, row.DisplayName, row.IsStudioOwner), null);
    }

    /// <summary>The token with what the request's identity needs of its user, in one compiled query (it runs on every API request).</summary>
    private static readonly Func<StudioDbContext, string, CancellationToken, Task<PresentedToken?>> FindByHash = EF.CompileAsyncQuery(
        (StudioDbContext db, string hash, CancellationToken _) => db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new PresentedToken(t.Id, t.Name, t.ExpiresAt, t.RevokedAt, t.LastUsedAt, t.UserId, t.User!.UserName, t.User.DisplayName,
                db.UserRoles.Any(ur => ur.UserId == t.UserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == StudioClaims.OwnerRole))))
            .SingleOrDefault());

    private sealed record PresentedToken(long Id, string Name, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt,
        string UserId, string? UserName, string DisplayName, bool IsStudioOwner);

    public static bool IsWellFormed(string? token) =>
        token is not null && token.Length == TokenPrefix.Length + SecretLength && token.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && token.AsSpan(TokenPrefix.Length).IndexOfAnyExcept(TokenAlphabet) < 0;

    private static readonly SearchValues<char> TokenAlphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static ApiTokenInfo Info(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
