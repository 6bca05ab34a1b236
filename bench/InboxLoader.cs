using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Ctms.Bench;

/// <summary>
/// Bulk-loads <see cref="InboxData"/> into <c>engine_tasks</c> of a migrated engine database, the way an import would,
/// not one process instance at a time through the engine. The table's secondary indexes (as the migrations made them,
/// read back from the catalogue) are dropped first and built again after the rows, which is much faster than
/// maintaining them row by row. No instance rows are written: <c>engine_tasks</c> has no foreign key, and the inbox
/// queries read that table alone.
/// </summary>
internal static class InboxLoader
{
    private static readonly string[] SqliteParameters =
        ["$id", "$instance", "$element_instance", "$process", "$element", "$name", "$form", "$assignee", "$groups", "$users", "$due", "$priority", "$created"];

    /// <summary>Loads the tasks and returns the time taken, index builds and statistics included.</summary>
    public static async Task<TimeSpan> PostgresAsync(string connectionString, InboxData data)
    {
        return await PostgresBulkAsync(connectionString, ["engine_tasks"], async connection =>
        {
            await using (var import = await connection.BeginBinaryImportAsync("""
                COPY engine_tasks ("Id", "InstanceId", "ElementInstanceId", "ProcessId", "ElementId", "Name", "FormId", "Assignee",
                  "DelegatedBy", "CandidateGroups", "CandidateUsers", "DueDate", "FollowUpDate", "Priority", "CreatedAt", "LoopCounter", "Revision")
                FROM STDIN (FORMAT BINARY)
                """))
            {
                foreach (var t in data.Generate())
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(t.Id, NpgsqlDbType.Uuid);
                    await import.WriteAsync(t.InstanceId, NpgsqlDbType.Uuid);
                    await import.WriteAsync(t.ElementInstanceId, NpgsqlDbType.Uuid);
                    await import.WriteAsync(t.ProcessId, NpgsqlDbType.Varchar);
                    await import.WriteAsync(t.ElementId, NpgsqlDbType.Varchar);
                    await import.WriteAsync(t.Name, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(import, t.FormId, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(import, t.Assignee, NpgsqlDbType.Varchar);
                    await import.WriteNullAsync();
                    await import.WriteAsync(t.CandidateGroups, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    await import.WriteAsync(t.CandidateUsers, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    if (t.DueDate is { } due)
                    {
                        await import.WriteAsync(due, NpgsqlDbType.TimestampTz);
                    }
                    else
                    {
                        await import.WriteNullAsync();
                    }
                    await import.WriteNullAsync();
                    await import.WriteAsync(t.Priority, NpgsqlDbType.Integer);
                    await import.WriteAsync(t.CreatedAt, NpgsqlDbType.TimestampTz);
                    await import.WriteNullAsync();
                    await import.WriteAsync(0L, NpgsqlDbType.Bigint);
                }
                await import.CompleteAsync();
            }
        });
    }

    /// <summary>Loads the tasks in one transaction through one prepared INSERT, and returns the time taken.</summary>
    public static async Task<TimeSpan> SqliteAsync(string connectionString, InboxData data)
    {
        return await SqliteBulkAsync(connectionString, ["engine_tasks"], async (connection, transaction) =>
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO engine_tasks ("Id", "InstanceId", "ElementInstanceId", "ProcessId", "ElementId", "Name", "FormId", "Assignee",
                  "DelegatedBy", "CandidateGroups", "CandidateUsers", "DueDate", "FollowUpDate", "Priority", "CreatedAt", "LoopCounter", "Revision")
                VALUES ($id, $instance, $element_instance, $process, $element, $name, $form, $assignee,
                  NULL, $groups, $users, $due, NULL, $priority, $created, NULL, 0)
                """;
            var p = SqliteParameters.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            p[10].SqliteType = p[11].SqliteType = p[12].SqliteType = SqliteType.Integer;
            await insert.PrepareAsync();
            // As EF Core stores them: GUIDs as upper-case text, lists as JSON arrays, instants as DateTimeOffsetToBinaryConverter's numbers.
            var toBinary = new DateTimeOffsetToBinaryConverter();
            foreach (var t in data.Generate())
            {
                p[0].Value = t.Id.ToString().ToUpperInvariant();
                p[1].Value = t.InstanceId.ToString().ToUpperInvariant();
                p[2].Value = t.ElementInstanceId.ToString().ToUpperInvariant();
                p[3].Value = t.ProcessId;
                p[4].Value = t.ElementId;
                p[5].Value = t.Name;
                p[6].Value = (object?)t.FormId ?? DBNull.Value;
                p[7].Value = (object?)t.Assignee ?? DBNull.Value;
                p[8].Value = JsonSerializer.Serialize(t.CandidateGroups);
                p[9].Value = JsonSerializer.Serialize(t.CandidateUsers);
                p[10].Value = t.DueDate is { } due ? toBinary.ConvertToProvider(due) : DBNull.Value;
                p[11].Value = t.Priority;
                p[12].Value = toBinary.ConvertToProvider(t.CreatedAt);
                await insert.ExecuteNonQueryAsync();
            }
        });
    }

    /// <summary>
    /// Opens a connection, drops the secondary indexes of the tables (as the migrations made them, read back from the
    /// catalogue), runs the load, builds the indexes again and runs <c>VACUUM ANALYZE</c>; returns the time taken.
    /// </summary>
    internal static async Task<TimeSpan> PostgresBulkAsync(string connectionString, string[] tables, Func<NpgsqlConnection, Task> load)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SET maintenance_work_mem = '256MB'");
        var indexes = await ReadAsync(connection,
            $"SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ({Quoted(tables)}) AND indexname NOT LIKE 'PK\\_%'");
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }
        await load(connection);
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition);
        }
        // What autovacuum would have done by the time a million rows are in: statistics and the visibility map.
        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"VACUUM ANALYZE {table}");
        }
        return watch.Elapsed;
    }

    /// <summary>
    /// Opens a connection and a transaction, drops the secondary indexes of the tables, runs the load, builds the
    /// indexes again and commits; returns the time taken. No <c>ANALYZE</c>: the product never runs one on SQLite.
    /// </summary>
    internal static async Task<TimeSpan> SqliteBulkAsync(string connectionString, string[] tables, Func<SqliteConnection, SqliteTransaction, Task> load)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var indexes = await ReadAsync(connection,
            $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({Quoted(tables)}) AND sql IS NOT NULL");
        await using var transaction = connection.BeginTransaction();
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", transaction);
        }
        await load(connection, transaction);
        foreach (var (_, definition) in indexes)
        {
            await ExecuteAsync(connection, definition, transaction);
        }
        await transaction.CommitAsync();
        return watch.Elapsed;
    }

    private static string Quoted(string[] tables) => string.Join(", ", tables.Select(t => $"'{t}'"));

    internal static Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, NpgsqlDbType type) =>
        value is null ? import.WriteNullAsync() : import.WriteAsync(value, type);

    internal static async Task<List<(string Name, string Definition)>> ReadAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }

    internal static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql, System.Data.Common.DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }
}
