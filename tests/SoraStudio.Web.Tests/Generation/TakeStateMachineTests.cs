using SoraStudio.Web.Data;
using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.Generation;

public sealed class TakeStateMachineTests
{
    [Fact]
    public void TheHappyPathRunsQueuedSubmittingInProgressDownloadingReady()
    {
        TakeStatus[] path = [TakeStatus.Queued, TakeStatus.Submitting, TakeStatus.InProgress, TakeStatus.Downloading, TakeStatus.Ready];

        Assert.All(path.Zip(path.Skip(1)), move => Assert.True(TakeStateMachine.CanMove(move.First, move.Second)));
    }

    [Theory]
    [InlineData(TakeStatus.Ready)]
    [InlineData(TakeStatus.Failed)]
    [InlineData(TakeStatus.Canceled)]
    [InlineData(TakeStatus.Expired)]
    public void AFinishedTakeNeverMovesAgain(TakeStatus status)
    {
        Assert.Empty(TakeStateMachine.NextStates(status));
        Assert.Throws<InvalidOperationException>(() => TakeStateMachine.EnsureCanMove(status, TakeStatus.Queued));
    }

    [Fact]
    public void OnlySubmittingGoesBackToTheQueueAfterTheIntentIsWritten()
    {
        Assert.True(TakeStateMachine.CanMove(TakeStatus.Submitting, TakeStatus.Queued));
        Assert.False(TakeStateMachine.CanMove(TakeStatus.InProgress, TakeStatus.Queued));
        Assert.False(TakeStateMachine.CanMove(TakeStatus.InProgress, TakeStatus.Submitting));
    }

    [Fact]
    public void ATakeThatNeedsAttentionIsDismissedOrGoesBackToWhereItStoodAtItsProvider()
    {
        Assert.Equal([TakeStatus.Canceled, TakeStatus.Submitting, TakeStatus.InProgress, TakeStatus.Downloading], TakeStateMachine.NextStates(TakeStatus.NeedsAttention));
        Assert.False(TakeStateMachine.CanMove(TakeStatus.NeedsAttention, TakeStatus.Queued));
        Assert.False(TakeStateMachine.CanMove(TakeStatus.NeedsAttention, TakeStatus.Ready));
    }

    [Fact]
    public void AQueuedTakeMovesStraightToInProgressOnlyByAdoptingItsVideo()
    {
        Assert.True(TakeStateMachine.CanMove(TakeStatus.Queued, TakeStatus.InProgress));
        Assert.False(TakeStateMachine.CanMove(TakeStatus.Queued, TakeStatus.Downloading));
    }

    [Fact]
    public void EveryStateHasItsMovesWritten()
    {
        Assert.All(Enum.GetValues<TakeStatus>(), status => TakeStateMachine.NextStates(status));
    }
}
