using System.Net;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.Integration.BulkImport.BulkImportTestData;

namespace Ctms.Api.Tests.Integration.BulkImport;

/// <summary>An uploaded ndjson file: counted line by line, only the registered patients' results kept, broken lines named, a re-import adds nothing.</summary>
public abstract class BulkImportUploadTests(CtmsAppFactory app)
{
    [Fact]
    public async Task An_upload_keeps_the_registered_patients_results_names_the_broken_lines_and_a_second_import_adds_nothing()
    {
        const int lines = 3000;
        const int patients = 10;
        int[] broken = [5, 1500, 2999];
        var registered = await RegisterAsync(app, 0, 3, 7);
        var admin = await app.AdminAsync();
        var file = Ndjson("upload", lines, patients, broken);

        var accepted = await UploadAsync(admin, "observations.ndjson", file);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var started = await accepted.ReadAsync<RunBody>();
        started.SizeBytes.ShouldBe(file.Length);
        started.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        var run = await FinishedAsync(admin, started.Id);

        var expected = Enumerable.Range(1, lines).Where(n => !broken.Contains(n) && registered.ContainsKey(PatientId((n - 1) % patients))).ToList();
        run.Status.ShouldBe("SucceededWithErrors");
        run.LinesRead.ShouldBe(lines);
        run.BrokenLines.ShouldBe(broken.Length);
        run.Imported.ShouldBe(expected.Count);
        run.NotRegistered.ShouldBe(lines - broken.Length - expected.Count);
        run.Duplicates.ShouldBe(0);
        run.CheckpointLine.ShouldBe(lines);
        run.CheckpointOffset.ShouldBe(file.Length);
        run.Errors.ShouldNotBeNull().Select(e => e.LineNumber).ShouldBe(broken.Select(b => (long)b));
        run.Errors.ShouldAllBe(e => e.Reason == "not JSON");

        var rows = await RowsAsync(app, run.Id);
        rows.Select(r => r.HospitalId).ShouldBe(expected.Select(n => $"obs-upload-{n}").Order(StringComparer.Ordinal));
        rows.ShouldAllBe(r => registered.ContainsValue(r.PatientId));
        rows.Single(r => r.HospitalId == "obs-upload-1").ShouldBe(("obs-upload-1", registered[PatientId(0)], 10.1m));

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            (await db.IntegrationAlerts.AsNoTracking().Where(a => a.Source == "bulk-import" && a.Code == "broken-lines" && a.AcknowledgedAt == null).ToListAsync())
                .ShouldHaveSingleItem().Detail.ShouldContain("3 broken line(s)");
            // The run is the audit unit: its start and outcome are audited, not its million rows.
            (await db.AuditRecords.AsNoTracking().Where(a => a.EntityType == "BulkImportRun" && a.Field == "Status").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
            (await db.AuditRecords.AsNoTracking().CountAsync(a => a.EntityType == "LabResult")).ShouldBe(0);
        }

        var again = await FinishedAsync(admin, (await (await UploadAsync(admin, "observations.ndjson", file)).ReadAsync<RunBody>()).Id);
        again.Status.ShouldBe("SucceededWithErrors");
        again.Imported.ShouldBe(0);
        again.Duplicates.ShouldBe(expected.Count);
        (await RowsAsync(app)).Count(r => r.HospitalId.StartsWith("obs-upload-", StringComparison.Ordinal)).ShouldBe(expected.Count);

        var listed = await (await admin.GetAsync(Imports)).ReadAsync<List<RunBody>>();
        listed.Select(r => r.Id).ShouldContain(run.Id);
        listed.Select(r => r.Id).ShouldContain(again.Id);
    }

    [Fact]
    public async Task A_file_that_is_empty_or_not_ndjson_is_refused_and_only_integration_administrators_may_import()
    {
        var admin = await app.AdminAsync();
        (await (await UploadAsync(admin, "empty.ndjson", [])).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("file")
            .ToString().ShouldContain("empty");
        (await (await UploadAsync(admin, "array.json", "[{\"resourceType\":\"Observation\"}]"u8.ToArray())).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").GetProperty("file").ToString().ShouldContain("not ndjson");
        (await (await UploadAsync(admin, "blank.ndjson", "\n  \n"u8.ToArray())).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ToString().ShouldContain("empty");
        using (var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } })
        {
            await (await admin.PostAsync(Imports, noFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        var (nurse, _) = await app.UserAsync("study-nurse");
        await (await UploadAsync(nurse, "observations.ndjson", Ndjson("nurse", 3, 1))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await nurse.GetAsync(Imports)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"{Imports}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PostAsync($"{Imports}/{Guid.NewGuid()}/resume", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class BulkImportUploadTests_Sqlite(SqliteAppFactory app) : BulkImportUploadTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BulkImportUploadTests_Postgres(PostgresAppFactory app) : BulkImportUploadTests(app), IClassFixture<PostgresAppFactory>;
