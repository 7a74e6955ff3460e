using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.Architecture.Fakes;

// Violations for ArchitectureRulesTests to find: take status written outside Generation.

internal static class StatusWriters
{
    public static void Finish(Take take) => take.Status = TakeStatus.Ready;

    public static Take Imported() => new() { Status = TakeStatus.Ready };

    public static async Task<Take> FinishLaterAsync(Take take)
    {
        await Task.Yield();
        take.Status = TakeStatus.Failed;
        return take;
    }

    public static IEnumerable<Take> FinishAll(IEnumerable<Take> takes) => takes.Select(t =>
    {
        t.Status = TakeStatus.Canceled;
        return t;
    });

    public static bool IsReady(Take take) => take.Status == TakeStatus.Ready;
}
