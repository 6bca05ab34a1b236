using System.Net;
using Ctms.HospitalSim.Faults;
using Ctms.HospitalSim.Fhir;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ctms.HospitalSim;

/// <summary>
/// A simulated hospital: a FHIR R4 server on a loopback port over real HTTP, with synthetic data generated from a seed,
/// orders whose results come back as signed notifications, bulk export and switchable faults. A development and test
/// aid only: the product never depends on it except that <c>--demo</c> starts one.
/// </summary>
public sealed class HospitalSimulator : IAsyncDisposable
{
    private readonly SimState _state;
    private WebApplication? _app;

    private HospitalSimulator(SimState state, int port)
    {
        _state = state;
        Port = port;
    }

    /// <summary>Generates the data and starts listening on <c>127.0.0.1:{options.Port}</c> (0: a free port).</summary>
    public static async Task<HospitalSimulator> StartAsync(HospitalSimOptions options, CancellationToken ct = default)
    {
        var simulator = new HospitalSimulator(new SimState(options), options.Port);
        await simulator.ListenAsync(ct);
        return simulator;
    }

    public int Port { get; private set; }

    /// <summary>The FHIR base, <c>http://127.0.0.1:{port}/fhir/</c>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/fhir/");

    public SyntheticHospital Data => _state.Data;

    public SimFaults Faults => _state.Faults;

    /// <summary>Every notification attempt, in the order made.</summary>
    public IReadOnlyList<SentNotification> Notifications => _state.Sender.Sent;

    /// <summary>Where notifications go; settable after start because the app's URL may be known later.</summary>
    public string? NotificationUrl
    {
        get => _state.NotificationUrl;
        set => _state.NotificationUrl = value;
    }

    /// <summary>Posts an event again: same event id, fresh timestamp and signature.</summary>
    public Task RedeliverAsync(string eventId) => _state.Sender.RedeliverAsync(eventId);

    /// <summary>Opens an inpatient stay for a patient and notifies it (as <c>POST /_sim/patients/{id}/admit</c>).</summary>
    public Task AdmitAsync(string patientId) =>
        _state.Admit(patientId) is null ? throw new KeyNotFoundException($"No patient {patientId}.") : Task.CompletedTask;

    /// <summary>Closes a patient's open stay and notifies it (as <c>POST /_sim/patients/{id}/discharge</c>).</summary>
    public Task DischargeAsync(string patientId) =>
        _state.Discharge(patientId) is null ? throw new InvalidOperationException($"Patient {patientId} is not admitted.") : Task.CompletedTask;

    /// <summary>Stops listening (the hospital is down); the data stays.</summary>
    public async Task StopAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Listens again on the same port with the same data (e.g. to resume a sync).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await ListenAsync(CancellationToken.None);
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // An empty builder: no appsettings, environment or command line of the host it runs in (e.g. the app's --demo)
        // can move it to another port or turn on its logging.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        builder.Services.AddRouting();
        builder.Services.AddSingleton(_state);
        builder.Services.AddSingleton(_state.Faults);
        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>();
        app.MapBulkExportEndpoints();
        app.MapOrderEndpoints();
        app.MapFhirEndpoints();
        app.MapSimControlEndpoints();
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
        _state.BaseUrl = BaseUrl.ToString();
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _state.DisposeAsync();
    }
}
