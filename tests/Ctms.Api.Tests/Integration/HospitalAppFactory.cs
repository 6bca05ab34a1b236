using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Infrastructure;
using Ctms.Domain.Data;
using Ctms.HospitalSim;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Ctms.Api.Tests.Integration;

/// <summary>
/// The whole app listening on a real loopback port (Kestrel) beside a running simulated hospital, so that both directions
/// are real HTTP: the app's FHIR calls to the hospital and the hospital's signed notifications to the app. Retries and
/// timeouts are short, so a test of a down hospital takes a second, not a minute; the circuit breaker needs many failures
/// (a test that wants it open sets <see cref="CtmsAppFactory.Settings"/> before start).
/// </summary>
public abstract class HospitalAppFactory : CtmsAppFactory
{
    public const string NotificationSecret = "test-notification-secret-0123456789";

    private HospitalSimulator? _hospital;

    /// <summary>Every line the host logged, at every level (the privacy scan reads it).</summary>
    public Privacy.CapturedLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Log).AddFilter<Privacy.CapturedLog>(null, LogLevel.Trace));
    }

    public HospitalSimulator Hospital => _hospital ?? throw new InvalidOperationException("The hospital has not started.");

    /// <summary>The app's own address (http://127.0.0.1:port/).</summary>
    public Uri AppUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri NotificationEndpoint => new(AppUrl, "api/integration/hospital/notifications");

    /// <summary>The simulated hospital's options; a test class may override them (a smaller dictionary, a longer delay).</summary>
    protected virtual HospitalSimOptions HospitalOptions => new()
    {
        NotificationSecret = NotificationSecret,
        ResultDelay = TimeSpan.FromMilliseconds(300),
        Departments = 12,
        Staff = 60,
        Drugs = 150,
        LabItems = 40,
        ExamItems = 20,
    };

    protected abstract Task CreateDatabaseAsync();

    public override async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        _hospital = await HospitalSimulator.StartAsync(HospitalOptions);
        Settings.TryAdd("Integration:Hospital:BaseUrl", Hospital.BaseUrl.ToString());
        Settings.TryAdd("Integration:Hospital:NotificationSecret", NotificationSecret);
        Settings.TryAdd("Integration:Hospital:RetryCount", "2");
        Settings.TryAdd("Integration:Hospital:RetryDelay", "00:00:00.050");
        Settings.TryAdd("Integration:Hospital:AttemptTimeout", "00:00:02");
        Settings.TryAdd("Integration:Hospital:TotalTimeout", "00:00:08");
        Settings.TryAdd("Integration:Hospital:BreakerMinimumThroughput", "1000");
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        AppUrl = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1").TrimEnd('/') + "/");
        ClientOptions.BaseAddress = AppUrl;
        Hospital.NotificationUrl = NotificationEndpoint.ToString();
    }

    public override async ValueTask DisposeAsync()
    {
        if (_hospital is not null)
        {
            await _hospital.DisposeAsync();
        }
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// A project with a study team: a PI, a CRC and a CRA as project members, each signed in. Returns the project id and
    /// the clients.
    /// </summary>
    public async Task<StudyTeam> StudyTeamAsync()
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/projects", new
        {
            protocolNumber = "HI-" + Guid.NewGuid().ToString("N")[..8],
            title = "A hospital integration study",
            sponsor = "Acme Pharma",
        }, Json);
        created.EnsureSuccessStatusCode();
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        async Task<HttpClient> MemberAsync(string role)
        {
            var (client, userName) = await UserAsync(role);
            if (role == "pi")
            {
                // A PI needs a valid GCP certificate (A04) before the role is given.
                (await admin.PostAsJsonAsync($"/api/people/investigators/{userName}/certificates", new
                {
                    issuer = "GCP training", certificateNumber = "GCP-" + userName, issuedOn = "2020-01-01", expiresOn = "2099-12-31",
                })).EnsureSuccessStatusCode();
            }
            var added = await admin.PostAsJsonAsync($"/api/projects/{projectId}/members", new { userName, role }, Json);
            added.IsSuccessStatusCode.ShouldBeTrue(await added.Content.ReadAsStringAsync());
            return client;
        }
        return new StudyTeam(projectId, await MemberAsync("pi"), await MemberAsync("crc"), await MemberAsync("cra"));
    }
}

public sealed record StudyTeam(Guid ProjectId, HttpClient Pi, HttpClient Crc, HttpClient Cra) : IDisposable
{
    public void Dispose()
    {
        Pi.Dispose();
        Crc.Dispose();
        Cra.Dispose();
    }
}

/// <summary>The app on SQLite beside the simulated hospital.</summary>
public sealed class HospitalSqliteFactory : HospitalAppFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabaseFile => Path.Combine(DataPath, "ctms.db");

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString();

    protected override Task CreateDatabaseAsync()
    {
        Directory.CreateDirectory(DataPath);
        return Task.CompletedTask;
    }
}

/// <summary>The app on PostgreSQL beside the simulated hospital.</summary>
public sealed class HospitalPostgresFactory : HospitalAppFactory
{
    private readonly string _database = "ctms_test_" + Guid.NewGuid().ToString("N")[..12];
    private string? _connectionString;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("The database is not created yet.");

    protected override async Task CreateDatabaseAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(_database);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
