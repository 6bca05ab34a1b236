using Hl7.Fhir.Rest;

namespace Ctms.HospitalSim.Tests;

/// <summary>One simulated hospital per test class, over real HTTP on a loopback port.</summary>
public class SimulatorFixture : IAsyncLifetime
{
    public static readonly HospitalSimOptions Small = new()
    {
        PatientCount = 60,
        ResultDelay = TimeSpan.FromMilliseconds(200),
    };

    public HospitalSimulator Simulator { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    protected virtual HospitalSimOptions Options => Small;

    public FhirClient Fhir() => new(Simulator.BaseUrl, Http, new FhirClientSettings { PreferredFormat = ResourceFormat.Json });

    public async Task InitializeAsync() => Simulator = await HospitalSimulator.StartAsync(Options);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Simulator.DisposeAsync();
    }
}
