using System.Globalization;
using System.Runtime.InteropServices;

namespace Ctms.HospitalSim;

/// <summary>
/// <c>dotnet run --project tools/hospital-sim -- --port 5090 --seed 42 --notify &lt;url&gt; --secret &lt;s&gt;</c>:
/// runs the simulated hospital until Ctrl+C.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new HospitalSimOptions { Port = 5090 };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when value is not null: options = options with { Port = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
                case "--seed" when value is not null: options = options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
                case "--patients" when value is not null: options = options with { PatientCount = int.Parse(value, CultureInfo.InvariantCulture) }; i++; break;
                case "--notify" when value is not null: options = options with { NotificationUrl = value }; i++; break;
                case "--secret" when value is not null: options = options with { NotificationSecret = value }; i++; break;
                default:
                    await Console.Error.WriteLineAsync(
                        "usage: Ctms.HospitalSim [--port 5090] [--seed 20261127] [--patients 200] [--notify <url>] [--secret <secret>]");
                    return 2;
            }
        }
        await using var simulator = await HospitalSimulator.StartAsync(options);
        Console.WriteLine($"Simulated hospital (FHIR R4) at {simulator.BaseUrl} with {simulator.Data.Patients.Count} patients, seed {options.Seed}.");
        Console.WriteLine(options.NotificationUrl is null ? "No notification URL yet (POST a Subscription to set one)." : $"Notifications go to {options.NotificationUrl}.");
        Console.WriteLine("Press Ctrl+C to stop.");
        // Ctrl+C and SIGTERM both stop it cleanly (the simulator has no generic host to do this).
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop cleanly.
        }
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
