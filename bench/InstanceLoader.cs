using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using static Ctms.Bench.InboxLoader;

namespace Ctms.Bench;

/// <summary>
/// Bulk-loads <see cref="InstanceData"/> into <c>engine_ended_instances</c>, <c>engine_instances</c> and
/// <c>engine_incidents</c> of a migrated engine database, as <see cref="InboxLoader"/> loads tasks: the tables' secondary
/// indexes dropped first and built again after the rows. No definitions, tasks, jobs or history: the instance list reads
/// these three tables alone.
/// </summary>
internal static class InstanceLoader
{
    private static readonly string[] Tables = ["engine_ended_instances", "engine_instances", "engine_incidents"];

    private const string EndedColumns = """
        "Id", "ProcessId", "DefinitionVersion", "BusinessKey", "Status", "ParentInstanceId", "ParentElementInstanceId", "StartedAt", "EndedAt", "RootId", "Variables"
        """;

    private const string RunningColumns = """
        "Id", "ProcessId", "DefinitionVersion", "DefinitionHash", "BusinessKey", "Status", "ParentInstanceId", "ParentElementInstanceId", "StartedAt", "EndedAt", "Revision", "State", "RootId"
        """;

    private const string IncidentColumns = """
        "Id", "InstanceId", "ElementInstanceId", "ElementId", "Code", "Message", "CreatedAt"
        """;

    /// <summary>Loads the instances by binary COPY and returns the time taken, index builds and statistics included.</summary>
    public static async Task<TimeSpan> PostgresAsync(string connectionString, InstanceData data)
    {
        return await PostgresBulkAsync(connectionString, Tables, async connection =>
        {
            await using (var import = await connection.BeginBinaryImportAsync($"COPY engine_ended_instances ({EndedColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in data.Ended())
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(i.Id, NpgsqlDbType.Uuid);
                    await import.WriteAsync(i.ProcessId, NpgsqlDbType.Varchar);
                    await import.WriteAsync(i.Version, NpgsqlDbType.Integer);
                    await WriteNullableAsync(import, i.BusinessKey, NpgsqlDbType.Varchar);
                    await import.WriteAsync(i.Status, NpgsqlDbType.Varchar);
                    await WriteIdAsync(import, i.ParentInstanceId);
                    await WriteIdAsync(import, i.ParentElementInstanceId);
                    await import.WriteAsync(i.StartedAt, NpgsqlDbType.TimestampTz);
                    await import.WriteAsync(i.EndedAt, NpgsqlDbType.TimestampTz);
                    await import.WriteAsync(i.RootId, NpgsqlDbType.Uuid);
                    await import.WriteAsync(i.Variables, NpgsqlDbType.Text);
                }
                await import.CompleteAsync();
            }
            var incidents = new List<OpenIncident>();
            await using (var import = await connection.BeginBinaryImportAsync($"COPY engine_instances ({RunningColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in data.Running())
                {
                    incidents.AddRange(i.Incidents);
                    await import.StartRowAsync();
                    await import.WriteAsync(i.Id, NpgsqlDbType.Uuid);
                    await import.WriteAsync(i.ProcessId, NpgsqlDbType.Varchar);
                    await import.WriteAsync(i.Version, NpgsqlDbType.Integer);
                    await import.WriteAsync(i.Hash, NpgsqlDbType.Varchar);
                    await WriteNullableAsync(import, i.BusinessKey, NpgsqlDbType.Varchar);
                    await import.WriteAsync("Active", NpgsqlDbType.Varchar);
                    await WriteIdAsync(import, i.ParentInstanceId);
                    await WriteIdAsync(import, i.ParentElementInstanceId);
                    await import.WriteAsync(i.StartedAt, NpgsqlDbType.TimestampTz);
                    await import.WriteNullAsync();
                    await import.WriteAsync(i.Revision, NpgsqlDbType.Bigint);
                    await import.WriteAsync(i.State, NpgsqlDbType.Text);
                    await import.WriteAsync(i.RootId, NpgsqlDbType.Uuid);
                }
                await import.CompleteAsync();
            }
            await using (var import = await connection.BeginBinaryImportAsync($"COPY engine_incidents ({IncidentColumns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var i in incidents)
                {
                    await import.StartRowAsync();
                    await import.WriteAsync(i.Id, NpgsqlDbType.Uuid);
                    await import.WriteAsync(i.InstanceId, NpgsqlDbType.Uuid);
                    await import.WriteAsync(i.ElementInstanceId, NpgsqlDbType.Uuid);
                    await import.WriteAsync(i.ElementId, NpgsqlDbType.Varchar);
                    await import.WriteAsync(i.Code, NpgsqlDbType.Varchar);
                    await import.WriteAsync(i.Message, NpgsqlDbType.Varchar);
                    await import.WriteAsync(i.CreatedAt, NpgsqlDbType.TimestampTz);
                }
                await import.CompleteAsync();
            }
        });
    }

    /// <summary>Loads the instances in one transaction through prepared INSERTs, and returns the time taken.</summary>
    public static async Task<TimeSpan> SqliteAsync(string connectionString, InstanceData data)
    {
        return await SqliteBulkAsync(connectionString, Tables, async (connection, transaction) =>
        {
            // As EF Core stores them: GUIDs as upper-case text, instants as DateTimeOffsetToBinaryConverter's numbers.
            var toBinary = new DateTimeOffsetToBinaryConverter();
            object Id(Guid? id) => id is { } g ? g.ToString().ToUpperInvariant() : DBNull.Value;
            object Instant(DateTimeOffset? at) => at is { } t ? toBinary.ConvertToProvider(t)! : DBNull.Value;
            object Text(string? text) => (object?)text ?? DBNull.Value;

            await InsertAllAsync(connection, transaction, "engine_ended_instances", EndedColumns, data.Ended(), i =>
                [Id(i.Id), i.ProcessId, i.Version, Text(i.BusinessKey), i.Status, Id(i.ParentInstanceId), Id(i.ParentElementInstanceId),
                 Instant(i.StartedAt), Instant(i.EndedAt), Id(i.RootId), i.Variables]);
            var incidents = new List<OpenIncident>();
            await InsertAllAsync(connection, transaction, "engine_instances", RunningColumns, data.Running(), i =>
            {
                incidents.AddRange(i.Incidents);
                return [Id(i.Id), i.ProcessId, i.Version, i.Hash, Text(i.BusinessKey), "Active", Id(i.ParentInstanceId), Id(i.ParentElementInstanceId),
                    Instant(i.StartedAt), DBNull.Value, i.Revision, i.State, Id(i.RootId)];
            });
            await InsertAllAsync(connection, transaction, "engine_incidents", IncidentColumns, incidents, i =>
                [Id(i.Id), Id(i.InstanceId), Id(i.ElementInstanceId), i.ElementId, i.Code, i.Message, Instant(i.CreatedAt)]);
        });
    }

    /// <summary>Inserts the rows through one prepared INSERT with a positional parameter a column.</summary>
    private static async Task InsertAllAsync<T>(SqliteConnection connection, SqliteTransaction transaction, string table, string columns,
        IEnumerable<T> rows, Func<T, object[]> values)
    {
        var count = columns.Split(',').Length;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {table} ({columns}) VALUES ({string.Join(", ", Enumerable.Range(1, count).Select(n => $"${n}"))})";
        var parameters = Enumerable.Range(1, count).Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = $"${n}" })).ToArray();
        await insert.PrepareAsync();
        foreach (var row in rows)
        {
            var v = values(row);
            for (var n = 0; n < count; n++)
            {
                parameters[n].Value = v[n];
            }
            await insert.ExecuteNonQueryAsync();
        }
    }

    private static Task WriteIdAsync(NpgsqlBinaryImporter import, Guid? value) =>
        value is { } id ? import.WriteAsync(id, NpgsqlDbType.Uuid) : import.WriteNullAsync();
}
