using System.Globalization;
using Npgsql;

namespace Ctms.Host.Tests.Infrastructure;

/// <summary>A fresh, empty database on the throwaway PostgreSQL cluster, for the host processes of one test and for its checks.</summary>
public sealed class HostDatabase : IAsyncDisposable
{
    public const string Variable = "CTMS_TEST_POSTGRES";

    private readonly string _name = "ctms_host_" + Guid.NewGuid().ToString("N")[..12];

    private HostDatabase(string connectionString) => ConnectionString = connectionString;

    /// <summary>The connection string the hosts and the checks use.</summary>
    public string ConnectionString { get; private set; }

    private static string Admin => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{Variable} is not set.");

    public static async Task<HostDatabase> CreateAsync()
    {
        var database = new HostDatabase("");
        await ExecuteAsync(Admin, $"CREATE DATABASE \"{database._name}\"");
        database.ConnectionString = new NpgsqlConnectionStringBuilder(Admin) { Database = database._name }.ConnectionString;
        return database;
    }

    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    /// <summary>The first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every row, each as its columns' values, for assertions and their messages.</summary>
    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Rows as text, for assertion messages.</summary>
    public static string Show(IEnumerable<object[]> rows) =>
        string.Join("; ", rows.Select(r => string.Join(", ", r.Select(v => v is DateTime t ? t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture) : v))));

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Admin, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
