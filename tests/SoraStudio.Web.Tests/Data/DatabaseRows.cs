using Microsoft.Data.Sqlite;

namespace SoraStudio.Web.Tests.Data;

/// <summary>Every row of every table of a SQLite file, each as one line of its columns' values, read without EF.</summary>
internal static class DatabaseRows
{
    /// <summary>The rows by table; with <paramref name="like"/>, only its tables and columns (what a migration must keep).</summary>
    public static Dictionary<string, List<string>> Read(string database, Dictionary<string, List<string>>? like = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = like?.Keys.ToList() ?? Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        var rows = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var columns = Columns(connection, table, like?[table]);
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\" ORDER BY rowid";
            using var reader = command.ExecuteReader();
            var lines = new List<string> { string.Join(" | ", columns) };
            while (reader.Read())
                lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => Show(reader.GetValue(i)))));
            rows[table] = lines;
        }
        return rows;
    }

    /// <summary>The table's columns, or those named on the first line of <paramref name="like"/>.</summary>
    private static List<string> Columns(SqliteConnection connection, string table, List<string>? like) =>
        like is not null ? [.. like[0].Split(" | ")] : Strings(connection, $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid");

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    private static string Show(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => "x'" + Convert.ToHexString(bytes) + "'",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };
}
