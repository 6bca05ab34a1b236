using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Ctms.Engine.Persistence;

/// <summary>Creates the engine's context for a provider, with its own migrations history table.</summary>
public static class EngineDbContextFactory
{
    public static SqliteEngineDbContext Sqlite(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteEngineDbContext>().UseSqlite(connectionString, o => o.MigrationsHistoryTable(EngineDbContext.MigrationsTable)).Options);

    // The host opens a context per request on the domain's connection: options built once, the connection set per context.
    private static readonly DbContextOptions<SqliteEngineDbContext> SqliteOnConnection = new DbContextOptionsBuilder<SqliteEngineDbContext>()
        .UseSqlite(o => o.MigrationsHistoryTable(EngineDbContext.MigrationsTable)).Options;

    private static readonly DbContextOptions<PostgresEngineDbContext> PostgresOnConnection = new DbContextOptionsBuilder<PostgresEngineDbContext>()
        .UseNpgsql(o => o.MigrationsHistoryTable(EngineDbContext.MigrationsTable)).Options;

    public static SqliteEngineDbContext Sqlite(SqliteConnection connection)
    {
        var db = new SqliteEngineDbContext(SqliteOnConnection);
        db.Database.SetDbConnection(connection);
        return db;
    }

    public static PostgresEngineDbContext Postgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresEngineDbContext>().UseNpgsql(connectionString, o => o.MigrationsHistoryTable(EngineDbContext.MigrationsTable)).Options);

    public static PostgresEngineDbContext Postgres(NpgsqlConnection connection)
    {
        var db = new PostgresEngineDbContext(PostgresOnConnection);
        db.Database.SetDbConnection(connection);
        return db;
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model.</summary>
internal sealed class SqliteEngineDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEngineDbContext>
{
    public SqliteEngineDbContext CreateDbContext(string[] args) => EngineDbContextFactory.Sqlite("Data Source=design.db");
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model.</summary>
internal sealed class PostgresEngineDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEngineDbContext>
{
    public PostgresEngineDbContext CreateDbContext(string[] args) => EngineDbContextFactory.Postgres("Host=localhost;Database=ctms_design");
}
