using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SoraStudio.Web.Data;

/// <summary>
/// Per-connection settings. WAL lets readers run beside the one writer; NORMAL sync in WAL survives a process
/// crash, while a power cut may drop the last commits. FULL (a sync on every commit) made queuing takes 1.5 to 20 times
/// as slow, with the machine's load (docs/PERFORMANCE.md), so the one write that must survive a power cut, the submission intent before a
/// paid create, is made durable by itself (<see cref="WalCheckpoint"/>). The busy timeout makes a second studio
/// process wait for the write lock instead of failing. Set once per pooled SQLite connection, not on every open.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = new();

    private string Sql => $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsNew(connection))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsNew(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time the underlying (pooled) database handle is seen.</summary>
    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, handle);
}
