using System.ComponentModel.DataAnnotations;

namespace SoraStudio.Web.Generation;

/// <summary>The <c>Studio:Generation</c> section: how the worker paces itself. Times are hh:mm:ss.</summary>
public sealed class GenerationOptions
{
    public const string Section = "Studio:Generation";

    /// <summary>False runs no worker in this process (takes are still queued, for another process to generate).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Takes at the provider (submitting or rendering) at once, across every studio process on the database: the API key's concurrency cap.</summary>
    [Range(1, 100)]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>Steps (a submit, a poll, a download) one process runs at once.</summary>
    [Range(1, 64)]
    public int MaxParallelSteps { get; set; } = 4;

    /// <summary>How long a take stays claimed by a worker that stops renewing it (a crashed process).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest the worker sleeps without a wake-up before looking for due takes again.</summary>
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait between status polls; never shorter than the API's poll hint.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Each further poll waits this much longer than the previous one, up to <see cref="MaxPollInterval"/>.</summary>
    [Range(1.0, 10.0)]
    public double PollBackoff { get; set; } = 1.5;

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait after a transient failure (429, 5xx, a cut download); doubles per failure in a row.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a submission's intent a create that reached the provider is surely in its list.</summary>
    public TimeSpan SubmitSettleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far the provider's clock may differ from ours when matching a listed video to a submission.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Leases taken without a step finishing before a take is set aside as needing attention.</summary>
    [Range(1, 100)]
    public int MaxStepFailures { get; set; } = 5;

    internal IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(LeaseDuration), LeaseDuration), (nameof(IdleDelay), IdleDelay), (nameof(PollInterval), PollInterval),
            (nameof(MaxPollInterval), MaxPollInterval), (nameof(RetryDelay), RetryDelay), (nameof(MaxRetryDelay), MaxRetryDelay),
        })
        {
            if (value <= TimeSpan.Zero)
                yield return $"{Section}:{name} must be positive (hh:mm:ss), not {value}.";
        }
        if (MaxPollInterval < PollInterval)
            yield return $"{Section}:MaxPollInterval ({MaxPollInterval}) must be at least PollInterval ({PollInterval}).";
        if (MaxRetryDelay < RetryDelay)
            yield return $"{Section}:MaxRetryDelay ({MaxRetryDelay}) must be at least RetryDelay ({RetryDelay}).";
        if (SubmitSettleTime < TimeSpan.Zero || ClockSkew < TimeSpan.Zero)
            yield return $"{Section}:SubmitSettleTime and ClockSkew cannot be negative.";
    }
}
