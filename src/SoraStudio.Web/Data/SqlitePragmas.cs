using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SoraStudio.Web.Data;

/// <summary>
/// Per-connection settings. WAL lets readers run beside the one writer. FULL sync makes every commit durable
/// before it returns, so a power cut cannot undo a write the studio acted on (the submission intent written before
/// a paid create above all); NORMAL, the WAL default, may drop the last commits on a power cut (docs/PERFORMANCE.md
/// has the cost). The busy timeout makes a second studio process wait for the write lock instead of failing. Set
/// once per pooled SQLite connection, not on every open.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _configured = new();

    private string Sql => $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

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
