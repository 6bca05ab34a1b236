using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Patients;
using Ctms.Domain.Integration.Privacy;
using Ctms.HospitalSim;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Hosting;

/// <summary>
/// The demo's hospital (<c>--demo</c> only): the simulated hospital (<see cref="HospitalSimulator"/>, a development aid)
/// started in-process on <c>Integration:DemoHospital:Port</c> (default 5090) with a fixed seed, before the app serves; the
/// app is pointed at it (in-memory configuration: base URL and notification secret, unless configured otherwise) and the
/// simulator's notifications at the app's own endpoint once the app knows its address. One of its patients is registered
/// with the demo project. Without <c>--demo</c> nothing of this runs.
/// </summary>
internal static class DemoHospital
{
    public const int DefaultPort = 5090;
    public const int Seed = 20261127;
    public const string Secret = "demo-hospital-secret";

    /// <summary>Starts the simulated hospital and points the app's configuration at it; null without the demo.</summary>
    public static async Task<HospitalSimulator?> AddDemoHospitalAsync(this WebApplicationBuilder builder, bool demo)
    {
        if (!demo)
        {
            return null;
        }
        var configuration = builder.Configuration;
        var secret = configuration[$"{HospitalOptions.Section}:{nameof(HospitalOptions.NotificationSecret)}"] ?? Secret;
        var hospital = await HospitalSimulator.StartAsync(new HospitalSimOptions
        {
            Seed = Seed,
            Port = configuration.GetValue("Integration:DemoHospital:Port", DefaultPort),
            NotificationSecret = secret,
        });
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{HospitalOptions.Section}:{nameof(HospitalOptions.BaseUrl)}"] = hospital.BaseUrl.ToString(),
            [$"{HospitalOptions.Section}:{nameof(HospitalOptions.NotificationSecret)}"] = secret,
        });
        Console.WriteLine($"  Demo hospital (simulated, FHIR R4): {hospital.BaseUrl} with {hospital.Data.Patients.Count} synthetic patients.");
        return hospital;
    }

    /// <summary>
    /// Once the app listens: the simulator notifies the app's own endpoint; the demo project gets one registered patient;
    /// the simulator stops with the app.
    /// </summary>
    public static async Task UseDemoHospitalAsync(this WebApplication app, HospitalSimulator? hospital)
    {
        if (hospital is null)
        {
            return;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (address is not null)
            {
                var url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
                    .Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace("*", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
                hospital.NotificationUrl = new Uri(url, "api/integration/hospital/notifications").ToString();
            }
        });
        app.Lifetime.ApplicationStopped.Register(() => hospital.DisposeAsync().AsTask().GetAwaiter().GetResult());
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().ActAsSystem();
        await RegisterDemoPatientAsync(scope.ServiceProvider, hospital);
    }

    /// <summary>The demo project's first patient (the simulator's first), registered as any patient is: sealed MRN, initials.</summary>
    private static async Task RegisterDemoPatientAsync(IServiceProvider services, HospitalSimulator hospital)
    {
        var db = services.GetRequiredService<CtmsDbContext>();
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProtocolNumber == DemoSeed.ProtocolNumber);
        if (project is null || hospital.Data.Patients.Count == 0)
        {
            return;
        }
        var found = await services.GetRequiredService<IHospitalRecords>().FindByMrnAsync(hospital.Data.Patients[0].Mrn, CancellationToken.None);
        if (found is null)
        {
            return;
        }
        var patient = await services.GetRequiredService<PatientRegistry>().RegisterAsync(found, CancellationToken.None);
        if (!await db.ProjectPatients.AnyAsync(l => l.ProjectId == project.Id && l.PatientId == patient.Id))
        {
            db.ProjectPatients.Add(new ProjectPatient(project.Id, patient.Id, "demo", services.GetRequiredService<TimeProvider>().GetUtcNow()));
        }
        await db.SaveChangesAsync();
    }
}
