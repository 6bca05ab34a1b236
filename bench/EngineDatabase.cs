using System.Data.Common;
using Ctms.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Ctms.Bench;

/// <summary>
/// A fresh, migrated engine database for a bulk-loaded scenario (the inbox, the instance list): a SQLite file in WAL
/// mode, or a new database on the PostgreSQL server. Each query runs on a context of its own, as a request does.
/// </summary>
internal sealed class EngineDatabase(string scenario, string provider, string connectionString, Func<EngineDbContext> create,
    Func<Task> drop, EngineDatabase.CommandRecorder recorder) : IAsyncDisposable
{
    public string Provider => provider;

    public string ConnectionString => connectionString;

    public bool IsSqlite => provider == "SQLite";

    public static async IAsyncEnumerable<EngineDatabase> AllAsync(string scenario, string? postgres)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ctms-bench-{scenario}-{Guid.NewGuid():N}.db");
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60 }.ToString();
        var recorder = new CommandRecorder();
        var sqliteOptions = new DbContextOptionsBuilder<SqliteEngineDbContext>()
            .UseSqlite(sqlite, o => o.MigrationsHistoryTable(EngineDbContext.MigrationsTable)).AddInterceptors(recorder).Options;
        yield return await MigratedAsync(new EngineDatabase(scenario, "SQLite", sqlite, () => new SqliteEngineDbContext(sqliteOptions),
            () =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(file);
                return Task.CompletedTask;
            }, recorder), "PRAGMA journal_mode=WAL;");
        if (!string.IsNullOrEmpty(postgres))
        {
            var name = $"ctms_bench_{scenario}_" + Guid.NewGuid().ToString("N")[..8];
            await AdminAsync(postgres, $"CREATE DATABASE \"{name}\"");
            var cs = new NpgsqlConnectionStringBuilder(postgres) { Database = name, MaxPoolSize = 16 }.ConnectionString;
            var postgresOptions = new DbContextOptionsBuilder<PostgresEngineDbContext>()
                .UseNpgsql(cs, o => o.MigrationsHistoryTable(EngineDbContext.MigrationsTable)).AddInterceptors(recorder).Options;
            yield return await MigratedAsync(new EngineDatabase(scenario, "PostgreSQL", cs, () => new PostgresEngineDbContext(postgresOptions),
                async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await AdminAsync(postgres, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                }, recorder), null);
        }
    }

    /// <summary>One call of the store as a request makes it: a context of its own.</summary>
    public async Task<T> StoreAsync<T>(Func<EfEngineStore, Task<T>> call)
    {
        await using var context = create();
        return await call(new EfEngineStore(context));
    }

    /// <summary>
    /// Runs the call once more, recording the SQL it sends, and prints each statement's plan: PostgreSQL's
    /// <c>EXPLAIN (ANALYZE, BUFFERS)</c> (the statement runs again, with its parameters), SQLite's <c>EXPLAIN QUERY PLAN</c>.
    /// </summary>
    public async Task ExplainAsync<T>(string title, Func<EfEngineStore, Task<T>> call)
    {
        var commands = new List<(string Sql, DbParameter[] Parameters)>();
        recorder.Commands = commands;
        try
        {
            await StoreAsync(call);
        }
        finally
        {
            recorder.Commands = null;
        }
        Console.WriteLine($"--- {provider}: {title}");
        await using var connection = IsSqlite ? (DbConnection)new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (sql, parameters) in commands)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = (IsSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN (ANALYZE, BUFFERS) ") + sql;
            command.Parameters.AddRange(parameters);
            Console.WriteLine(sql.ReplaceLineEndings(" "));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(IsSqlite ? 3 : 0));
            }
        }
    }

    private EngineDbContext Context() => create();

    /// <summary>Drops the database, unless CTMS_BENCH_KEEP is set (to look at query plans afterwards).</summary>
    public ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("CTMS_BENCH_KEEP") is { Length: > 0 })
        {
            Console.WriteLine($"{scenario}: kept the {provider} database: {connectionString}");
            return ValueTask.CompletedTask;
        }
        return new(drop());
    }

    private static async Task<EngineDatabase> MigratedAsync(EngineDatabase db, string? sql)
    {
        await using var context = db.Context();
        await context.Database.MigrateAsync();
        if (sql is not null)
        {
            await context.Database.ExecuteSqlRawAsync(sql);
        }
        return db;
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>While <see cref="Commands"/> is set, keeps a copy of each command EF Core sends (text and parameters), to explain afterwards.</summary>
    internal sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<(string Sql, DbParameter[] Parameters)>? Commands { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) => Commands?.Add((command.CommandText,
            [.. command.Parameters.Cast<DbParameter>().Select(p => p is ICloneable copyable
                ? (DbParameter)copyable.Clone()
                : new SqliteParameter(p.ParameterName, p.Value) { SqliteType = ((SqliteParameter)p).SqliteType })]));
    }
}
