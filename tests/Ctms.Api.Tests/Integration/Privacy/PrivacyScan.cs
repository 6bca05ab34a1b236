using System.Data.Common;
using System.Text;
using Ctms.HospitalSim;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ctms.Api.Tests.Integration.Privacy;

/// <summary>
/// What must never be found in clear outside the hospital: each patient's MRN, resident ID number and full name (both
/// orders, and family and given name run together), case-insensitive.
/// </summary>
public sealed class PrivacyScan(IEnumerable<SimPatient> patients)
{
    private readonly List<(string What, string Value)> _needles = patients.SelectMany(p => new[]
    {
        ("MRN of " + p.Id, p.Mrn),
        ("ID number of " + p.Id, p.IdNumber),
        ("name of " + p.Id, $"{p.Family} {p.Given}"),
        ("name of " + p.Id, $"{p.Given} {p.Family}"),
        ("name of " + p.Id, p.Family + p.Given),
        ("name of " + p.Id, p.Given + p.Family),
    }).ToList();

    /// <summary>The findings in one piece of text, named by where it was (table.column, a log line, a response).</summary>
    public IEnumerable<string> Find(string where, string? text) => text is null
        ? []
        : _needles.Where(n => text.Contains(n.Value, StringComparison.OrdinalIgnoreCase)).Select(n => $"{n.What} in {where}");

    /// <summary>A blob read as UTF-8 and as hexadecimal text (a value stored as hex digits of its bytes).</summary>
    public IEnumerable<string> Find(string where, byte[] blob) =>
        Find(where, Encoding.UTF8.GetString(blob)).Concat(Find(where + " (UTF-16)", Encoding.Unicode.GetString(blob)))
            .Concat(_needles.Where(n => Convert.ToHexString(blob).Contains(Convert.ToHexString(Encoding.UTF8.GetBytes(n.Value)), StringComparison.OrdinalIgnoreCase))
                .Select(n => $"{n.What} (hex) in {where}"));

    /// <summary>Every text and blob column of every table of the SQLite file, found through sqlite_master and table_info.</summary>
    public async Task<(List<string> Findings, int Tables, long Values)> SqliteAsync(string file)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        var tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        var findings = new List<string>();
        long values = 0;
        foreach (var table in tables)
        {
            // Every column: SQLite stores by value, so a column declared INTEGER may still hold text.
            var columns = await ListAsync(connection, $"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}')");
            foreach (var column in columns)
            {
                values += await ScanAsync(connection, $"SELECT \"{column}\" FROM \"{table}\" WHERE typeof(\"{column}\") IN ('text', 'blob')", $"{table}.{column}", findings);
            }
        }
        return (findings, tables.Count, values);
    }

    /// <summary>Every text, JSON and bytea column of every table outside the system schemas, found through information_schema.</summary>
    public async Task<(List<string> Findings, int Tables, long Values)> PostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, c.column_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND c.data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'xml', 'ARRAY', 'USER-DEFINED')
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        var findings = new List<string>();
        long values = 0;
        foreach (var (schema, table, column) in columns)
        {
            values += await ScanAsync(connection, $"SELECT \"{column}\"::text FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL",
                $"{schema}.{table}.{column}", findings, bytea: false);
            // A bytea is also read as its bytes (UTF-8 and hex), not only as PostgreSQL's \x text.
            values += await ScanAsync(connection, $"SELECT \"{column}\" FROM \"{schema}\".\"{table}\" WHERE \"{column}\" IS NOT NULL AND pg_typeof(\"{column}\") = 'bytea'::regtype",
                $"{schema}.{table}.{column}", findings, bytea: true);
        }
        return (findings, columns.Select(c => (c.Schema, c.Table)).Distinct().Count(), values);
    }

    private async Task<long> ScanAsync(DbConnection connection, string sql, string where, List<string> findings, bool bytea = false)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        long count = 0;
        while (await reader.ReadAsync())
        {
            count++;
            findings.AddRange(reader.GetValue(0) switch
            {
                byte[] blob => Find(where, blob),
                string text => Find(where, text),
                var other when !bytea => Find(where, Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)),
                _ => [],
            });
        }
        return count;
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
