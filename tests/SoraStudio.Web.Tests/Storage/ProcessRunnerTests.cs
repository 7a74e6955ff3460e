using System.Diagnostics;
using SoraStudio.Web.Storage;

namespace SoraStudio.Web.Tests.Storage;

public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AProgramsExitCodeOutputAndErrorsComeBackAndItsArgumentsPassWithoutAShell()
    {
        var result = await ProcessRunner.RunAsync("sh", ["-c", "echo \"$1\"; echo oops >&2; exit 3", "sh", "two words; $(no expansion)"], Generous, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("two words; $(no expansion)\n", result.StandardOutput);
        Assert.Equal("oops\n", result.StandardError);
    }

    [Fact]
    public async Task AProgramThatIsNotInstalledGivesNull()
    {
        Assert.Null(await ProcessRunner.RunAsync("/nonexistent/ffprobe-" + Guid.NewGuid().ToString("N"), ["-version"], Generous, CancellationToken.None));
    }

    [Fact]
    public async Task AProgramPastItsTimeoutIsKilledAndReportedAsATimeout()
    {
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => ProcessRunner.RunAsync("sleep", ["30"], TimeSpan.FromMilliseconds(300), CancellationToken.None));

        Assert.Contains("sleep did not finish within 0.3 s", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ACancelledRunKillsTheProgramAndThrowsCancellation()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunAsync("sleep", ["30"], Generous, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task OnlyTheTailOfALongErrorOutputIsKept()
    {
        var result = await ProcessRunner.RunAsync("sh", ["-c", "i=0; while [ $i -lt 5000 ]; do echo \"line $i of a chatty tool\" >&2; i=$((i+1)); done"], Generous, CancellationToken.None);

        Assert.NotNull(result);
        Assert.InRange(result.StandardError.Length, 32 * 1024, 64 * 1024 + 100);
        Assert.EndsWith("line 4999 of a chatty tool\n", result.StandardError);
    }
}
