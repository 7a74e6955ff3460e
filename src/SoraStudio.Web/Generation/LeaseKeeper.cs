namespace SoraStudio.Web.Generation;

/// <summary>Keeps one take's lease alive for the length of a step (a long download outlives a lease).</summary>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LeaseKeeper(TakeLeases leases, long takeId, ILogger logger)
    {
        _loop = RenewAsync(leases, takeId, logger);
    }

    /// <summary>Fires when another worker has taken the lease over: stop before writing anything.</summary>
    public CancellationToken Lost => _lost.Token;

    private async Task RenewAsync(TakeLeases leases, long takeId, ILogger logger)
    {
        var every = leases.Duration / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, _stop.Token);
                if (!await leases.RenewAsync(takeId, _stop.Token))
                {
                    logger.LogWarning("Lost the lease on take {TakeId}; another worker has it.", takeId);
                    await _lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Unable to renew: stop the step rather than run on without a claim.
            logger.LogError(e, "Could not renew the lease on take {TakeId}.", takeId);
            await _lost.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _lost.Dispose();
    }
}
