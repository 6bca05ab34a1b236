using Npgsql;

namespace Ctms.Api.Tests.Infrastructure;

/// <summary>
/// The throwaway PostgreSQL cluster started by <c>test.sh</c>, named by <c>CTMS_TEST_POSTGRES</c>. Without it the
/// PostgreSQL tests fail, loudly: the suite must never pass by quietly running on SQLite alone.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CTMS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which starts a throwaway PostgreSQL cluster, " +
                $"or set {Variable} to a superuser connection string of a disposable server.");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
