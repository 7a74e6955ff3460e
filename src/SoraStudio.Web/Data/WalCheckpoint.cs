using Microsoft.EntityFrameworkCore;

namespace SoraStudio.Web.Data;

/// <summary>
/// Copies every committed write from SQLite's write-ahead log into the database file. With <c>synchronous = NORMAL</c>
/// a checkpoint syncs the log before it and the database file after it, so the writes before it survive a power cut,
/// and, being in the database file, even the loss of the log itself (a copy of <c>studio.db</c> without its
/// <c>-wal</c>). Used before a paid call only: it costs two syncs, where a sync on every commit cost every write.
/// </summary>
internal static class WalCheckpoint
{
    /// <summary>Passes before giving up; each waits for readers of older snapshots, which pin the log, to move on.</summary>
    private const int Passes = 10;

    private static readonly TimeSpan BetweenPasses = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// PASSIVE passes (they never block the writers) until the whole log is in the database file; if readers still pin
    /// part of it, one FULL pass, which holds the writers back while it waits for those readers (up to the busy
    /// timeout). False when even that did not complete.
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
                command.CommandText = pass < Passes ? "PRAGMA wal_checkpoint(PASSIVE);" : "PRAGMA wal_checkpoint(FULL);";
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
