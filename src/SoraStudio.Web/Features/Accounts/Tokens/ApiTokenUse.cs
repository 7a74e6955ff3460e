using System.Collections.Concurrent;

namespace SoraStudio.Web.Features.Accounts.Tokens;

/// <summary>
/// Decides which request records a token's use. Last-used times are kept to the minute; reading the stored time is
/// not enough on its own, because every request in flight when the minute turns reads the same old time, and each
/// write would take SQLite's one write lock and hold up the reads behind it. So within this process one request per
/// token and minute is let through.
/// </summary>
public sealed class ApiTokenUse
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    /// <summary>Token id → when a request of this process last claimed the write (UTC ticks).</summary>
    private readonly ConcurrentDictionary<long, long> _claimed = new();

    /// <summary>True for the one caller that should write <paramref name="now"/> as the token's last use.</summary>
    public bool ShouldRecord(long tokenId, DateTimeOffset? storedLastUse, DateTimeOffset now)
    {
        if (storedLastUse is { } stored && now - stored < Resolution)
            return false;
        var ticks = now.UtcTicks;
        while (true)
        {
            if (!_claimed.TryGetValue(tokenId, out var claimed))
            {
                if (_claimed.TryAdd(tokenId, ticks))
                    return true;
            }
            else if (ticks - claimed < Resolution.Ticks)
            {
                return false;
            }
            else if (_claimed.TryUpdate(tokenId, ticks, claimed))
            {
                return true;
            }
        }
    }
}
