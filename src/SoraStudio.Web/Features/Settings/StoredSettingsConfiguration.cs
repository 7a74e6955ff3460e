using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using SoraStudio.Web.Data;

namespace SoraStudio.Web.Features.Settings;

/// <summary>
/// Lays the Videos API settings the owner entered on the settings page (<c>Sora:ApiKey</c>, <c>Sora:BaseUrl</c>)
/// over the configuration when the studio starts. The key is unprotected with the data folder's key ring; a
/// database without the settings table (first run) adds nothing. A saved key that no longer unprotects (the ring was
/// lost, e.g. a restore without it) sets <see cref="ApiKeyUnreadable"/> instead: the studio must then stop rather
/// than fall back to another provider (the emulator) under takes already submitted with that key.
/// </summary>
public static class StoredSettingsConfiguration
{
    public const string ApplicationName = "SoraStudio";

    /// <summary>Configuration flag, "true" when a saved key exists but cannot be decrypted.</summary>
    public const string ApiKeyUnreadable = "Studio:StoredSettings:ApiKeyUnreadable";

    public static IConfigurationBuilder AddStudioStoredSettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        var dataFolder = Path.GetFullPath(configuration["Studio:DataPath"] is { Length: > 0 } path ? path : "./data", environment.ContentRootPath);
        var values = Read(dataFolder);
        return values.Count == 0 ? configuration : configuration.AddInMemoryCollection(values);
    }


    private static Dictionary<string, string?> Read(string dataFolder)
    {
        var database = Path.Combine(dataFolder, "studio.db");
        var values = new Dictionary<string, string?>();
        if (!File.Exists(database))
            return values;
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT Key, Value FROM Settings WHERE Key IN ($key, $url)";
            command.Parameters.AddWithValue("$key", StudioSettingsService.ApiKeySetting);
            command.Parameters.AddWithValue("$url", StudioSettingsService.BaseUrlSetting);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (key, value) = (reader.GetString(0), reader.GetString(1));
                if (key != StudioSettingsService.ApiKeySetting)
                    values[key] = value;
                else if (Unprotect(dataFolder, value) is { } plain)
                    values[key] = plain;
                else
                    values[ApiKeyUnreadable] = "true";
            }
        }
        catch (SqliteException)
        {
            // No settings table yet: the migrations run after the configuration is read.
        }
        return values.Where(v => v.Value is not null).ToDictionary();
    }

    private static string? Unprotect(string dataFolder, string protectedValue)
    {
        try
        {
            var provider = DataProtectionProvider.Create(new DirectoryInfo(new StudioPaths(dataFolder).KeyRing), b => b.SetApplicationName(ApplicationName));
            return provider.CreateProtector(StudioSettingsService.ProtectorPurpose).Unprotect(protectedValue);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
