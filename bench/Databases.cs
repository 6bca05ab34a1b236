using Ctms.Domain.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ctms.Bench;

/// <summary>A fresh, migrated database per scenario: a SQLite file, or a new database on the given PostgreSQL server.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private BenchDatabase(string provider, Func<CtmsDbContext> factory, string? sqliteFile, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        Create = factory;
        _sqliteFile = sqliteFile;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public Func<CtmsDbContext> Create { get; }

    public static async Task<BenchDatabase> SqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ctms-bench-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60 }.ToString();
        var options = new DbContextOptionsBuilder<SqliteCtmsDbContext>().UseSqlite(connection).Options;
        var db = new BenchDatabase("SQLite", () => new SqliteCtmsDbContext(options), file, null, null);
        await MigrateAsync(db);
        return db;
    }

    public static async Task<BenchDatabase> PostgresAsync(string admin)
    {
        var name = "ctms_bench_" + Guid.NewGuid().ToString("N")[..10];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        var options = new DbContextOptionsBuilder<PostgresCtmsDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 64 }.ConnectionString).Options;
        var db = new BenchDatabase("PostgreSQL", () => new PostgresCtmsDbContext(options), null, admin, name);
        await MigrateAsync(db);
        return db;
    }

    private static async Task MigrateAsync(BenchDatabase db)
    {
        await using var context = db.Create();
        await context.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public static async IAsyncEnumerable<BenchDatabase> AllAsync(string? postgres)
    {
        yield return await SqliteAsync();
        if (!string.IsNullOrEmpty(postgres))
        {
            yield return await PostgresAsync(postgres);
        }
        else
        {
            Console.WriteLine("(no PostgreSQL given: pass --postgres or set CTMS_TEST_POSTGRES to measure it too)");
        }
    }
}
