using Microsoft.Extensions.Options;
using SoraStudio.Emulator.Endpoints;

namespace SoraStudio.Emulator.Faults;

/// <summary>Rolls the configured fault dice; with Faults.Seed set, the sequence of outcomes is reproducible.</summary>
internal sealed class FaultInjector
{
    private readonly IOptions<EmulatorOptions> _options;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public FaultInjector(IOptions<EmulatorOptions> options)
    {
        _options = options;
        _random = options.Value.Faults.Seed is { } seed ? new Random(seed) : new Random();
    }

    /// <summary>Applies slow-response, rate-limit and server-error faults before a request is handled.</summary>
    public async Task BeforeRequestAsync(CancellationToken cancellationToken)
    {
        var faults = _options.Value.Faults;
        if (Roll(faults.SlowResponseRate))
        {
            await Task.Delay(faults.SlowResponseDelay, cancellationToken);
        }
        if (Roll(faults.RateLimitRate))
        {
            throw ApiErrors.RateLimited(Math.Max(1, faults.RetryAfterSeconds));
        }
        if (Roll(faults.ServerErrorRate))
        {
            throw ApiErrors.ServerError();
        }
    }

    public bool ShouldDropDownload() => Roll(_options.Value.Faults.DropDownloadRate);

    private bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }
        lock (_gate)
        {
            return _random.NextDouble() < rate;
        }
    }
}
