using Ctms.Api.Tests.Infrastructure;
using Ctms.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Ctms.Api.Tests.Integration.Privacy;

/// <summary>The app beside the simulated hospital, with every log line captured (<see cref="Log"/>), on SQLite.</summary>
public sealed class PrivacySqliteFactory : HospitalAppFactory
{
    public CapturedLog Log { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabaseFile => Path.Combine(DataPath, "ctms.db");

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString();

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(DataPath);
        return Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log).AddFilter<CapturedLog>(null, LogLevel.Trace));
    }
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class PrivacyPostgresFactory : HospitalAppFactory
{
    private readonly string _database = "ctms_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public CapturedLog Log { get; } = new();

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created yet.");

    protected override async Task CreateDatabaseAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(_database);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log).AddFilter<CapturedLog>(null, LogLevel.Trace));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
