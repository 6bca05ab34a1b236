using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ctms.Api.Tests.Hosting;

public sealed class PostgresStorageTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task The_host_really_runs_on_PostgreSQL_and_wrote_its_schema_there()
    {
        _ = app.Services; // starts the host, which migrates and creates the administrator
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        db.ShouldBeOfType<PostgresCtmsDbContext>();
        db.Database.ProviderName.ShouldBe("Npgsql.EntityFrameworkCore.PostgreSQL");
        (await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").SingleAsync()).ShouldStartWith("PostgreSQL");

        // Read back with a plain Npgsql connection, outside EF: the rows are in that server's database.
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM \"AspNetUsers\" u JOIN audit_records a ON a.\"EntityKey\" = u.\"Id\" WHERE u.\"UserName\" = 'admin'", connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        await using var trigger = new NpgsqlCommand("SELECT count(*) FROM pg_trigger WHERE tgname = 'audit_records_no_update_delete'", connection);
        ((long)(await trigger.ExecuteScalarAsync())!).ShouldBe(1);
    }
}

public sealed class SqliteStorageTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_embedded_default_is_a_SQLite_file_under_the_data_folder_created_on_first_start()
    {
        _ = app.Services;
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        db.ShouldBeOfType<SqliteCtmsDbContext>();
        File.Exists(Path.Combine(app.DataPath, "ctms.db")).ShouldBeTrue();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.AccessRules.CountAsync()).ShouldBeGreaterThan(0);
    }
}
