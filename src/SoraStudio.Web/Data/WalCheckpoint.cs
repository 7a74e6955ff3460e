using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Data;

/// <summary>
/// Copies every committed write from SQLite's write-ahead log into the database file and syncs it. A commit is
/// durable in the log already (<c>synchronous = FULL</c>); once in the database file it outlives the log itself too,
/// e.g. a copy of <c>studio.db</c> taken without its <c>-wal</c>. Used before a paid call only: it costs a sync of
/// the database file.
/// </summary>
internal static class WalCheckpoint
{
    /// <summary>Passes before giving up; each waits for readers of older snapshots, which pin the log, to move on.</summary>
    private const int Passes = 10;

    private static readonly TimeSpan BetweenPasses = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// PASSIVE passes (they never block the writers, unlike FULL) until the whole log is in the database file. False
    /// when readers kept part of it pinned: the commits are then durable in the log only.
    /// </summary>
    public static async Task<bool> RunAsync(StudioDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var pass = 1; ; pass++)
            {
                // A pragma (raw SQL has no LINQ form); it answers (busy, frames in the log, frames copied).
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                    return false;
                var (busy, logged, copied) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
                // -1 frames: the database is not in WAL mode, and every commit went to the file itself.
                if (busy == 0 && (logged == -1 || copied == logged))
                    return true;
                if (pass == Passes)
                    return false;
                await Task.Delay(BetweenPasses, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
