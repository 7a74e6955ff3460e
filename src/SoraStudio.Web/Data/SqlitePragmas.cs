using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SoraStudio.Web.Data;

/// <summary>
/// Per-connection settings. WAL lets readers run beside the one writer; NORMAL sync in WAL survives a process
/// crash (a power cut may drop the last commits, which the worker's reconciliation covers); the busy timeout
/// makes a second studio process wait for the write lock instead of failing.
/// </summary>
internal sealed class SqlitePragmas(int busyTimeoutSeconds) : DbConnectionInterceptor
{
    private string Sql => $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
