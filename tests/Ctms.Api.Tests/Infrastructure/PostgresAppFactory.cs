using Ctms.Domain.Data;

namespace Ctms.Api.Tests.Infrastructure;

/// <summary>The host on PostgreSQL: a database of its own in the test cluster, dropped afterwards.</summary>
public sealed class PostgresAppFactory : CtmsAppFactory
{
    private readonly string _database = "ctms_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created yet.");

    public override async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(_database);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
