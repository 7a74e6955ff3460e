using SoraStudio.Web.Features.Accounts.Tokens;

namespace SoraStudio.Web.Tests.Features.Accounts.Tokens;

public sealed class ApiTokenUseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OfManyRequestsAtOnceOnlyOneRecordsTheUse()
    {
        var use = new ApiTokenUse();
        var granted = 0;
        Parallel.For(0, 1_000, _ =>
        {
            if (use.ShouldRecord(7, storedLastUse: null, Now))
                Interlocked.Increment(ref granted);
        });
        Assert.Equal(1, granted);
    }

    [Fact]
    public void AUseStoredLessThanAMinuteAgoIsNotWrittenAgain()
    {
        var use = new ApiTokenUse();
        Assert.False(use.ShouldRecord(7, Now.AddSeconds(-59), Now));
        Assert.True(use.ShouldRecord(7, Now.AddSeconds(-60), Now));
    }

    [Fact]
    public void TheNextMinuteRecordsAgainOnce()
    {
        var use = new ApiTokenUse();
        Assert.True(use.ShouldRecord(7, null, Now));
        // Requests that read the row before that write still see no use: this process has claimed the minute.
        Assert.False(use.ShouldRecord(7, null, Now.AddSeconds(59)));

        var later = Now.Add(ApiTokenUse.Resolution);
        Assert.True(use.ShouldRecord(7, Now, later));
        Assert.False(use.ShouldRecord(7, Now, later));
    }

    [Fact]
    public void EachTokenIsRecordedOnItsOwn()
    {
        var use = new ApiTokenUse();
        Assert.True(use.ShouldRecord(1, null, Now));
        Assert.True(use.ShouldRecord(2, null, Now));
        Assert.False(use.ShouldRecord(1, null, Now));
    }
}
