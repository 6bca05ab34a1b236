using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Engine.Tests.Persistence;

/// <summary>Fresh, migrated engine databases for tests: a SQLite file, or a PostgreSQL database made from a migrated template.</summary>
public static class TestDatabases
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <param name="taskChanges">Where the stores announce committed task changes; none when null.</param>
    public static async Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> SqliteAsync(TaskChangeFeed? taskChanges = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ctms-engine-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await using (var db = EngineDbContextFactory.Sqlite(connectionString))
        {
            await db.Database.MigrateAsync();
        }
        return (() => new EfEngineStore(EngineDbContextFactory.Sqlite(connectionString), taskChanges), new Cleanup(() =>
        {
            File.Delete(file);
            return Task.CompletedTask;
        }));
    }

    /// <param name="taskChanges">Where the stores announce committed task changes; none when null.</param>
    public static async Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> PostgresAsync(TaskChangeFeed? taskChanges = null)
    {
        var admin = Environment.GetEnvironmentVariable("CTMS_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("CTMS_TEST_POSTGRES is not set: run ./test.sh, which starts a throwaway PostgreSQL cluster.");
        var template = await TemplateAsync(admin);
        var name = "ctms_engine_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return (() => new EfEngineStore(EngineDbContextFactory.Postgres(connectionString), taskChanges),
            new Cleanup(() => ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")));
    }

    private static async Task<string> TemplateAsync(string admin)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is not null)
            {
                return _template;
            }
            var name = "ctms_engine_template_" + Guid.NewGuid().ToString("N")[..8];
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
            await using (var db = EngineDbContextFactory.Postgres(connectionString))
            {
                await db.Database.MigrateAsync();
            }
            return _template = name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Cleanup(Func<Task> action) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await action();
    }
}
