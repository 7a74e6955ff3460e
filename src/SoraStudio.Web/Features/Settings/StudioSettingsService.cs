using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SoraStudio.Web.Data;
using SoraStudio.Web.Features.Accounts;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Features.Settings;

/// <summary>
/// What the settings page may show: never the key itself. <paramref name="ApiKeyUnreadable"/>: a key is saved but this
/// data folder's key ring cannot decrypt it; <paramref name="Blocked"/>: why this running studio submits nothing;
/// <paramref name="Running"/>: the provider this running studio generates with (<see cref="VideosProvider.Current"/>),
/// which the saved settings change only at the next start.
/// </summary>
public sealed record VideosApiSettings(bool ApiKeySet, string? ApiKeyEnding, string? BaseUrl, DateTimeOffset? UpdatedAt,
    bool ApiKeyUnreadable = false, string? Blocked = null, string Running = VideosProvider.BuiltInEmulator)
{
    public bool RunningEmulator => Running == VideosProvider.BuiltInEmulator;
}

/// <summary>
/// The studio owner's Videos API settings. The key is stored protected with ASP.NET Core Data Protection (its key
/// ring under the data folder); what leaves this class for a page is only its last four characters.
/// </summary>
public sealed class StudioSettingsService(
    IDbContextFactory<StudioDbContext> contexts, CurrentUser currentUser, IDataProtectionProvider protection, VideosBackend backend,
    VideosProvider provider, TimeProvider time)
{
    public const string ApiKeySetting = "Sora:ApiKey";
    public const string BaseUrlSetting = "Sora:BaseUrl";
    public const int MaxKeyLength = 500;

    public const string ProtectorPurpose = "SoraStudio.Settings.VideosApiKey.v1";

    private IDataProtector Protector => protection.CreateProtector(ProtectorPurpose);

    public async Task<VideosApiSettings> GetAsync(CancellationToken cancellationToken = default)
    {
        await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Settings.AsNoTracking().Where(s => s.Key == ApiKeySetting || s.Key == BaseUrlSetting).ToListAsync(cancellationToken);
        var key = rows.SingleOrDefault(r => r.Key == ApiKeySetting);
        string? ending = null;
        var unreadable = false;
        if (key is not null)
        {
            try
            {
                var plain = Protector.Unprotect(key.Value);
                ending = plain.Length >= 8 ? plain[^4..] : null;
            }
            catch (CryptographicException)
            {
                unreadable = true;
            }
        }
        return new VideosApiSettings(key is not null, ending, rows.SingleOrDefault(r => r.Key == BaseUrlSetting)?.Value,
            rows.Count == 0 ? null : rows.Max(r => r.UpdatedAt), unreadable, backend.Unusable, provider.Current);
    }

    /// <summary>Saves the base URL, and the key when one is given (null or blank keeps the stored one).</summary>
    public async Task SaveAsync(string? apiKey, string? baseUrl, CancellationToken cancellationToken = default)
    {
        await RequireOwnerAsync();
        var url = baseUrl?.Trim() ?? "";
        if (url.Length > 0 && (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http")))
            throw StudioException.Invalid("baseUrl", "Enter an absolute http(s) address, such as https://api.openai.com/v1.");
        var key = apiKey?.Trim() ?? "";
        if (key.Length > MaxKeyLength || key.Any(char.IsWhiteSpace))
            throw StudioException.Invalid("apiKey", "That does not look like an API key.");
        if (key.Length is > 0 and < 8)
            throw StudioException.Invalid("apiKey", "That key is too short to be an API key.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await UpsertAsync(db, BaseUrlSetting, url.Length == 0 ? null : url, now, cancellationToken);
        if (key.Length > 0)
            await UpsertAsync(db, ApiKeySetting, Protector.Protect(key), now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ClearApiKeyAsync(CancellationToken cancellationToken = default)
    {
        await RequireOwnerAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await UpsertAsync(db, ApiKeySetting, null, time.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The key in plain text, for the server's own calls to the API; never for a page.</summary>
    internal async Task<string?> ReadApiKeyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == ApiKeySetting).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null : Protector.Unprotect(stored);
    }

    private async Task RequireOwnerAsync()
    {
        var user = await currentUser.GetAsync();
        if (!user.IsStudioOwner)
            throw new StudioException(StudioErrorKind.Forbidden, "Only the studio's owner can see or change its API settings.");
    }

    private static async Task UpsertAsync(StudioDbContext db, string key, string? value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Settings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (value is null)
        {
            if (row is not null)
                db.Settings.Remove(row);
            return;
        }
        if (row is null)
            db.Settings.Add(new StudioSetting { Key = key, Value = value, UpdatedAt = now });
        else
        {
            row.Value = value;
            row.UpdatedAt = now;
        }
    }
}
