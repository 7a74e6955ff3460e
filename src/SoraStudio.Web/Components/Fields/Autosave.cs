using SoraStudio.Web.Features;

namespace SoraStudio.Web.Components.Fields;

public enum DraftState { Saved, Pending, Saving, Failed }

/// <summary>What <see cref="SaveState"/> shows of an autosave, whatever it saves.</summary>
public interface IAutosaveState
{
    DraftState State { get; }

    /// <summary>Why the last save failed, when it did.</summary>
    string? Problem { get; }

    /// <summary>Raised when <see cref="State"/> changes, possibly off the renderer's thread.</summary>
    event Action? Changed;
}

/// <summary>
/// Saves a draft (a shot, a style bible) a moment after the last edit (debounced), one save at a time, always the
/// newest draft. Runs on the server, so a dropped connection does not stop a scheduled save; <see cref="FlushAsync"/>
/// saves at once (before generating, on leaving the page).
/// </summary>
public class Autosave<TDraft>(Func<TDraft, Task> save, TimeSpan delay, TimeProvider time) : IAutosaveState, IAsyncDisposable
    where TDraft : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TDraft? _pending;
    private CancellationTokenSource? _timer;

    public DraftState State { get; private set; } = DraftState.Saved;
    public string? Error { get; private set; }
    string? IAutosaveState.Problem => Error;
    public DateTimeOffset? SavedAt { get; private set; }

    /// <summary>True while an edit waits to be saved (or is being saved).</summary>
    public bool HasUnsaved => State is not DraftState.Saved;

    public event Action? Changed;

    public void Schedule(TDraft draft)
    {
        _pending = draft;
        _timer?.Cancel();
        _timer = new CancellationTokenSource();
        Set(DraftState.Pending, null);
        _ = SaveLaterAsync(_timer.Token);
    }

    /// <summary>Saves the pending draft now; true when nothing is left unsaved.</summary>
    public async Task<bool> FlushAsync()
    {
        _timer?.Cancel();
        await _gate.WaitAsync();
        try
        {
            var draft = Interlocked.Exchange(ref _pending, null);
            if (draft is null)
                return State != DraftState.Failed;
            Set(DraftState.Saving, null);
            try
            {
                await save(draft);
                SavedAt = time.GetUtcNow();
                Set(_pending is null ? DraftState.Saved : DraftState.Pending, null);
                return true;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Kept for the next save, unless a newer draft already replaced it.
                Interlocked.CompareExchange(ref _pending, draft, null);
                Set(DraftState.Failed, e is StudioException studio ? Describe(studio) : $"The draft could not be saved: {e.Message}");
                return false;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Describe(StudioException e) =>
        e.Kind == StudioErrorKind.Invalid && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Values.SelectMany(m => m)) : e.Message;

    private async Task SaveLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await FlushAsync();
    }

    private void Set(DraftState state, string? error)
    {
        (State, Error) = (state, error);
        Changed?.Invoke();
    }

    public async ValueTask DisposeAsync()
    {
        // Leaving the page (or the circuit ending) saves what was typed last.
        await FlushAsync();
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }
}
