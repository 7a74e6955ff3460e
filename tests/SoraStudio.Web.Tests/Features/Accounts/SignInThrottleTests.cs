using System.Net;
using Microsoft.Extensions.Options;
using SoraStudio.Web.Features.Accounts;

namespace SoraStudio.Web.Tests.Features.Accounts;

public sealed class SignInThrottleTests
{
    private readonly ManualTime _time = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new SignInThrottle(Options.Create(new AccountOptions { MaxFailedSignIns = 3, LockoutDuration = TimeSpan.FromMinutes(15) }), _time);

    [Fact]
    public void ThreeWrongPasswordsThrottleThePairUntilFifteenMinutesAfterTheLast()
    {
        var client = IPAddress.Parse("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.False(_throttle.IsThrottled(client, "ann@example.test"));
            _throttle.RecordFailure(client, "ann@example.test");
        }

        Assert.True(_throttle.IsThrottled(client, " ANN@example.test "));
        Assert.False(_throttle.IsThrottled(IPAddress.Parse("203.0.113.8"), "ann@example.test"));
        Assert.False(_throttle.IsThrottled(client, "bob@example.test"));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(_throttle.IsThrottled(client, "ann@example.test"));
    }

    [Fact]
    public void FailuresFarApartOrBeforeASuccessDoNotAddUp()
    {
        var client = IPAddress.Parse("203.0.113.7");
        _throttle.RecordFailure(client, "ann@example.test");
        _throttle.RecordFailure(client, "ann@example.test");
        _throttle.RecordSuccess(client, "ann@example.test");
        _throttle.RecordFailure(client, "ann@example.test");
        _throttle.RecordFailure(client, "ann@example.test");
        _time.Advance(TimeSpan.FromMinutes(16));
        _throttle.RecordFailure(client, "ann@example.test");

        Assert.False(_throttle.IsThrottled(client, "ann@example.test"));
    }

    [Fact]
    public void AnIpv6NetworkCountsAsOneClientAndAMappedIpv4AsItsAddress()
    {
        for (var i = 1; i <= 3; i++)
            _throttle.RecordFailure(IPAddress.Parse($"2001:db8:1:2::{i}"), "ann@example.test");
        _throttle.RecordFailure(IPAddress.Parse("::ffff:198.51.100.1"), "bob@example.test");
        _throttle.RecordFailure(IPAddress.Parse("198.51.100.1"), "bob@example.test");
        _throttle.RecordFailure(IPAddress.Parse("::ffff:198.51.100.1"), "bob@example.test");

        Assert.True(_throttle.IsThrottled(IPAddress.Parse("2001:db8:1:2:ffff::9"), "ann@example.test"));
        Assert.False(_throttle.IsThrottled(IPAddress.Parse("2001:db8:1:3::1"), "ann@example.test"));
        Assert.True(_throttle.IsThrottled(IPAddress.Parse("198.51.100.1"), "bob@example.test"));
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
