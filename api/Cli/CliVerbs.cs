using Ctms.Api.Hosting;
using Ctms.Domain.Common;
using Ctms.Domain.Audit;

namespace Ctms.Api.Cli;

/// <summary>
/// The host's command-line verbs. Each builds the same host as <c>run</c> (same configuration, same database)
/// but does its one job and exits: 0 on success, 1 on failure.
/// </summary>
internal static class CliVerbs
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "audit-verify", "simulate", "export-definitions", "rotate-patient-keys"];

    public static bool TryGetVerb(string[] args, out string verb)
    {
        verb = args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal) ? args[0] : "";
        return verb.Length > 0;
    }

    public static async Task<int> RunAsync(string verb, string[] args)
    {
        if (verb == "simulate")
        {
            // Needs no host and no database: only the engine, in memory.
            return await Simulation.SimulateVerb.RunAsync(args, Console.Out, Console.Error);
        }
        // export-definitions [folder]: an argument that is not an option is the folder; the rest configure the host.
        var folder = verb == "export-definitions" && args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null;
        var builder = WebApplication.CreateBuilder(args[(folder is null ? 1 : 2)..]);
        builder.AddCtms();
        await using var app = builder.Build();
        switch (verb)
        {
            case "migrate":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await DatabaseStartup.MigrateAsync(scope.ServiceProvider);
                }
                Console.WriteLine("The database is up to date.");
                return 0;
            case "seed-demo":
                await app.PrepareDatabaseAsync(demo: true);
                return 0;
            case "export-definitions":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    // On a database never started against, there is nothing to export, but no error either.
                    await DatabaseStartup.MigrateAsync(scope.ServiceProvider);
                    scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().ActAsSystem();
                    var export = ActivatorUtilities.CreateInstance<Processes.DefinitionsExport>(scope.ServiceProvider);
                    var target = Path.GetFullPath(folder ?? export.DefaultFolder());
                    var written = await export.WriteAsync(target, CancellationToken.None);
                    Console.WriteLine($"Exported {written} file(s) to {target}.");
                    return 0;
                }
            case "rotate-patient-keys":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    // After a new key is configured as Integration:Privacy:ActiveKeyId beside the old one: every MRN sealed
                    // with another key is sealed again with it; then the old key may be removed.
                    await DatabaseStartup.MigrateAsync(scope.ServiceProvider);
                    scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().ActAsSystem();
                    var resealed = await scope.ServiceProvider.GetRequiredService<Ctms.Domain.Integration.Privacy.PatientRegistry>()
                        .RotateKeysAsync(CancellationToken.None);
                    Console.WriteLine($"Sealed {resealed} patient identifier(s) again with the active key.");
                    return 0;
                }
            default:
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().ActAsSystem();
                    var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
                    Console.WriteLine(report.Intact
                        ? $"Audit trail intact: {report.RecordsChecked} record(s) verified."
                        : $"Audit trail BROKEN at record {report.FirstBrokenSequence}: {report.Problem} ({report.RecordsChecked} record(s) before it verified).");
                    return report.Intact ? 0 : 1;
                }
        }
    }
}
