using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration;
using Ctms.Domain.Integration.BulkImport;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Ctms.HospitalSim;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Ctms.Bench;

/// <summary>
/// The bulk import of lab results: the simulated hospital's bulk export of 1,000,000 Observations (ndjson, 1,000 patients, all
/// registered in the CTMS) stored as an upload, then imported by <see cref="BulkImporter"/> itself, chunk by chunk, each
/// chunk's rows and checkpoint in one transaction, as the background queue runs it. Before that, the parse step alone: the
/// importer's System.Text.Json reader of the few fields it keeps against Firely's full <see cref="Observation"/> POCO.
/// </summary>
internal static class BulkImportBenchmark
{
    public static async Task RunAsync(ResultTable table, bool quick, string? postgres)
    {
        var lines = quick ? 20_000 : 1_000_000;
        var label = lines.ToString("N0", CultureInfo.InvariantCulture);
        // --quick (CI) is a smoke test of the path: fewer lines, fewer patients to register, fewer lines to parse.
        var hospital = new SyntheticHospital(new HospitalSimOptions { PatientCount = quick ? 200 : 1000 });
        var folder = Directory.CreateTempSubdirectory("ctms-bench-import-").FullName;
        try
        {
            var file = Path.Combine(folder, "Observation.ndjson");
            var watch = Stopwatch.StartNew();
            await using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                await BulkObservations.WriteNdjsonAsync(stream, hospital, lines, brokenLines: null);
            }
            var size = new FileInfo(file).Length;
            table.Note($"bulk import: generated {label} lines ({size / 1e6:F0} MB) in {watch.Elapsed.TotalSeconds:F1} s");
            await ParseAsync(table, file, quick ? 2_000 : 100_000);

            await foreach (var db in BenchDatabase.AllAsync(postgres))
            {
                await using (db)
                {
                    await using var services = Services(db, folder);
                    await RegisterAsync(services, hospital);
                    await ImportAsync(table, services, db.Provider, file, lines, label);
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Stores the file as an upload does (hash, size, the ndjson check), then runs the import to its end on this thread and
    /// checks what it did: a benchmark that measures wrong answers measures nothing.
    /// </summary>
    private static async Task ImportAsync(ResultTable table, ServiceProvider services, string provider, string file, int lines, string label)
    {
        BulkImportRunDto run;
        var watch = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        await using (var content = File.OpenRead(file))
        {
            run = await scope.ServiceProvider.GetRequiredService<BulkImports>().UploadAsync(Path.GetFileName(file), content, CancellationToken.None);
        }
        var stored = watch.Elapsed;
        watch.Restart();
        // The upload queued the run; the queue is not started here, so the run is imported on this thread.
        await services.GetRequiredService<BulkImporter>().RunAsync(run.Id, CancellationToken.None);
        var took = watch.Elapsed;

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var done = await db.BulkImportRuns.AsNoTracking().FirstAsync(r => r.Id == run.Id);
            var rows = await db.LabResults.CountAsync(r => r.ImportRunId == run.Id);
            if (done.Status != BulkImportStatus.Succeeded || done.LinesRead != lines || done.Imported != lines || rows != lines)
            {
                throw new InvalidOperationException($"The import on {provider} did not load the file: {done.Status} {done.Error}, " +
                    $"{done.LinesRead} read, {done.Imported} imported, {rows} rows of {lines}.");
            }
            table.Note($"bulk import: {provider} imported {label} lines in {took.TotalSeconds:F1} s ({lines / took.TotalSeconds:F0} lines/s; " +
                $"{rows.ToString("N0", CultureInfo.InvariantCulture)} rows; the upload stored in {stored.TotalSeconds:F1} s before)");
        }
    }

    /// <summary>The parse step alone, on the file's first lines held in memory: each parser reads every line into what the importer needs.</summary>
    private static async Task ParseAsync(ResultTable table, string file, int count)
    {
        var lines = new List<byte[]>(count);
        using (var reader = new StreamReader(file, Encoding.UTF8))
        {
            while (lines.Count < count && await reader.ReadLineAsync() is { } line)
            {
                lines.Add(Encoding.UTF8.GetBytes(line));
            }
        }
        var firely = new FhirJsonDeserializer();
        var measured = new (string Name, Func<byte[], bool> Parse)[]
        {
            ("System.Text.Json (the importer's reader)", line => ObservationLine.Parse(line, out _) is not null),
            ("Firely FhirJsonDeserializer (Observation POCO)", line => firely.Deserialize<Observation>(Encoding.UTF8.GetString(line)).Subject?.Reference is not null),
        };
        var rates = new List<double>();
        foreach (var (name, parse) in measured)
        {
            // A warm-up pass over a tenth of the lines (JIT, caches), then the timed pass over all of them.
            foreach (var line in lines.Take(count / 10))
            {
                parse(line);
            }
            var watch = Stopwatch.StartNew();
            var parsed = lines.Count(parse);
            var took = watch.Elapsed;
            if (parsed != lines.Count)
            {
                throw new InvalidOperationException($"{name} parsed {parsed} of {lines.Count} lines.");
            }
            rates.Add(lines.Count / took.TotalSeconds);
            table.Note($"bulk import parse: {name}: {lines.Count.ToString("N0", CultureInfo.InvariantCulture)} lines in {took.TotalSeconds:F2} s " +
                $"({lines.Count / took.TotalSeconds:F0} lines/s)");
        }
        table.Note($"bulk import parse: System.Text.Json is {rates[0] / rates[1]:F1} times as fast as Firely");
    }

    /// <summary>The domain's services as the host registers them for an import, over the benchmark's database.</summary>
    private static ServiceProvider Services(BenchDatabase db, string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{PrivacyOptions.Section}:ActiveKeyId"] = "bench",
            [$"{PrivacyOptions.Section}:Keys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [$"{PrivacyOptions.Section}:HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        services.AddScoped(_ => db.Create());
        services.AddCtmsIntegration(configuration);
        services.AddCtmsBulkImport(configuration, folder);
        return services.BuildServiceProvider();
    }

    /// <summary>Registers every patient of the simulated hospital in the CTMS in one save, as registering them for projects would.</summary>
    private static async Task RegisterAsync(ServiceProvider services, SyntheticHospital hospital)
    {
        await using var scope = services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<PatientRegistry>();
        foreach (var p in hospital.Patients)
        {
            await registry.RegisterAsync(new HospitalPatient(p.Id, p.Mrn, p.IdNumber, p.Family, p.Given, p.FullName, p.BirthDate, p.Sex, []),
                CancellationToken.None);
        }
        await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().SaveChangesAsync();
    }
}
