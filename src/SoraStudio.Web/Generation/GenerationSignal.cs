namespace SoraStudio.Web.Generation;

/// <summary>Wakes the worker early: a take was queued, a webhook arrived, a cancel was asked for.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A SemaphoreSlim needs disposing only once its AvailableWaitHandle is used; a disposed one would throw at a late Release during shutdown.")]
public sealed class GenerationSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
    }

    /// <summary>Waits for a wake-up or the timeout; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}
