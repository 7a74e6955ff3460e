using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.Generation;

public sealed class BackoffTests
{
    private static readonly GenerationOptions Options = new()
    {
        PollInterval = TimeSpan.FromSeconds(10),
        PollBackoff = 1.5,
        MaxPollInterval = TimeSpan.FromSeconds(60),
        RetryDelay = TimeSpan.FromSeconds(2),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public void PollsGrowFromTheIntervalUpToTheCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.Poll(Options, 0, null));
        Assert.Equal(TimeSpan.FromSeconds(15), Backoff.Poll(Options, 1, null));
        Assert.Equal(TimeSpan.FromSeconds(60), Backoff.Poll(Options, 20, null));
    }

    [Fact]
    public void APollHintLongerThanTheIntervalIsHonouredAndAShorterOneIsNot()
    {
        Assert.Equal(TimeSpan.FromSeconds(25), Backoff.Poll(Options, 0, TimeSpan.FromSeconds(25)));
        Assert.Equal(TimeSpan.FromSeconds(10), Backoff.Poll(Options, 0, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void RetriesDoubleJitterAndHonourTheServersWait()
    {
        Assert.InRange(Backoff.Retry(Options, 1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2));
        Assert.InRange(Backoff.Retry(Options, 3), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(8));
        Assert.InRange(Backoff.Retry(Options, 40), TimeSpan.FromSeconds(22.5), TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(45), Backoff.Retry(Options, 1, serverAsked: TimeSpan.FromSeconds(45)));
    }
}
