using SoraStudio.Web.Data;

namespace SoraStudio.Web.Tests.TestSupport;

/// <summary>Rows written straight to the database, for reads that do not care how the takes got there.</summary>
public static class Rows
{
    public static Take Take(long projectId, long shotId, TakeStatus status, DateTimeOffset createdAt, long? parent = null) => new()
    {
        ProjectId = projectId,
        ShotId = shotId,
        Spec = Seed.Spec(),
        Prompt = "A lighthouse keeper climbs the stairs.",
        Model = "sora-2",
        Size = "1280x720",
        Seconds = 4,
        Status = status,
        EstimatedCost = 0.40m,
        Cost = status is TakeStatus.Ready ? 0.40m : null,
        ParentTakeId = parent,
        RemixInstruction = parent is null ? null : "Make it night.",
        CreatedAt = createdAt,
        Progress = status is TakeStatus.Ready ? 100 : 0,
    };

    public static Clip Clip(long takeId, string variant) => new()
    {
        TakeId = takeId,
        Variant = variant,
        RelativePath = $"ab/{takeId}-{variant}",
        Bytes = 10,
        Sha256 = new string('a', 64),
        ContentType = "application/octet-stream",
    };
}
