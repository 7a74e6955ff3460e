using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SoraStudio.Web.Features.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock a person out: wrong passwords are counted per client address
/// and email together, whether or not the email has an account, so a throttled sign-in answers the same for both
/// and a stranger elsewhere never blocks the account's owner. After <see cref="AccountOptions.MaxFailedSignIns"/>
/// failures in a row that pair waits <see cref="AccountOptions.LockoutDuration"/> from its last failure. Kept in
/// memory: a restart forgets it, and each process of a multi-node studio counts its own.
/// </summary>
public sealed class SignInThrottle(IOptions<AccountOptions> options, TimeProvider time)
{
    /// <summary>Pairs remembered at most, so a flood of made-up emails cannot grow the table without bound.</summary>
    internal const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<(string Client, string Email), Failures> _failures = new();

    private sealed record Failures(int Count, DateTimeOffset ForgottenAt);

    public bool IsThrottled(IPAddress? client, string email) =>
        _failures.TryGetValue(Key(client, email), out var failures)
        && failures.Count >= options.Value.MaxFailedSignIns && failures.ForgottenAt > time.GetUtcNow();

    public void RecordFailure(IPAddress? client, string email)
    {
        var now = time.GetUtcNow();
        var forgottenAt = now + options.Value.LockoutDuration;
        if (_failures.Count >= MaxTracked)
            Prune(now);
        _failures.AddOrUpdate(Key(client, email), _ => new Failures(1, forgottenAt),
            (_, previous) => new Failures(previous.ForgottenAt > now ? previous.Count + 1 : 1, forgottenAt));
    }

    public void RecordSuccess(IPAddress? client, string email) => _failures.TryRemove(Key(client, email), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (failures.ForgottenAt <= now)
                _failures.TryRemove(key, out _);
        }
        // Still full: keep the pairs that are throttled, drop those still counting.
        if (_failures.Count >= MaxTracked)
        {
            foreach (var (key, failures) in _failures)
            {
                if (failures.Count < options.Value.MaxFailedSignIns)
                    _failures.TryRemove(key, out _);
            }
        }
    }

    /// <summary>An IPv6 client is its /64 (one subscriber's network), an IPv4-mapped one its IPv4 address.</summary>
    private static (string, string) Key(IPAddress? client, string email)
    {
        var address = client is null ? "unknown"
            : client.IsIPv4MappedToIPv6 ? client.MapToIPv4().ToString()
            : client.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress([.. client.GetAddressBytes()[..8], .. new byte[8]]).ToString() + "/64"
            : client.ToString();
        return (address, email.Trim().ToUpperInvariant());
    }
}
