using SoraStudio.Web.Generation;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>A worker that dies at one named point: every time it gets there, the step throws and writes nothing more.</summary>
internal sealed class CrashAt(string point) : ICrashPoints
{
    private readonly TaskCompletionSource _hit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstHit => _hit.Task;

    public void Hit(string name)
    {
        if (name != point)
            return;
        _hit.TrySetResult();
        throw new SimulatedCrashException(name);
    }
}

internal sealed class SimulatedCrashException(string point) : Exception($"Simulated crash at {point}.");
