using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.Architecture.Fakes.Generation;

/// <summary>Writes a take's status from the namespace a test allows.</summary>
internal static class AllowedStatusWriter
{
    public static void Queue(Take take) => take.Status = TakeStatus.Queued;
}
