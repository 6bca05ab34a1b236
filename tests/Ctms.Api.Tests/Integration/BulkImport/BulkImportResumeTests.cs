using System.Net;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.BulkImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.Integration.BulkImport.BulkImportTestData;

namespace Ctms.Api.Tests.Integration.BulkImport;

/// <summary>A run that fails mid-file keeps its committed chunks and checkpoint, and resuming it ends as an uninterrupted import would.</summary>
public abstract class BulkImportResumeTests
{
    private readonly CtmsAppFactory _app;

    protected BulkImportResumeTests(CtmsAppFactory app)
    {
        _app = app;
        _app.Settings["Integration:BulkImport:ChunkSize"] = "1000";
    }

    [Fact]
    public async Task A_run_that_fails_after_the_second_chunk_resumes_from_its_checkpoint_to_the_rows_of_an_uninterrupted_import()
    {
        const int lines = 4500;
        var registered = await RegisterAsync(_app, 0, 1, 4);
        var admin = await _app.AdminAsync();
        var file = Ndjson("resume", lines, 6, 2500);
        var failed = 0;
        var importer = _app.Services.GetRequiredService<BulkImporter>();
        importer.ChunkCommitted = (_, chunk) =>
            chunk == 2 && Interlocked.Exchange(ref failed, 1) == 0 ? throw new IOException("The disk went away.") : ValueTask.CompletedTask;
        try
        {
            var run = await FinishedAsync(admin, (await (await UploadAsync(admin, "big.ndjson", file)).ReadAsync<RunBody>()).Id);
            run.Status.ShouldBe("Failed");
            run.Error.ShouldNotBeNull().ShouldContain("IOException");
            run.CheckpointLine.ShouldBe(2000);
            run.LinesRead.ShouldBe(2000);
            run.CheckpointOffset.ShouldBe(file.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("obs-resume-2001\"")) - "{\"resourceType\":\"Observation\",\"id\":\"".Length);
            var committed = await RowsAsync(_app, run.Id);
            committed.Count.ShouldBe((int)run.Imported);
            committed.Select(r => int.Parse(r.HospitalId.AsSpan("obs-resume-".Length), System.Globalization.CultureInfo.InvariantCulture)).ShouldAllBe(n => n <= 2000);
            await using (var scope = _app.Scope())
            {
                (await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().IntegrationAlerts.AsNoTracking()
                    .AnyAsync(a => a.Source == "bulk-import" && a.Code == "failed" && a.Detail.Contains("after line 2000"))).ShouldBeTrue();
            }

            var resumed = await (await admin.PostAsync($"{Imports}/{run.Id}/resume", null)).ReadAsync<RunBody>();
            resumed.Id.ShouldBe(run.Id);
            var done = await FinishedAsync(admin, run.Id);
            done.Status.ShouldBe("SucceededWithErrors");
            done.LinesRead.ShouldBe(lines);
            done.BrokenLines.ShouldBe(1);
            done.Duplicates.ShouldBe(0);
            done.Errors.ShouldNotBeNull().ShouldHaveSingleItem().LineNumber.ShouldBe(2500);

            var expected = Enumerable.Range(1, lines).Where(n => n != 2500 && registered.ContainsKey(PatientId((n - 1) % 6)))
                .Select(n => $"obs-resume-{n}").Order(StringComparer.Ordinal).ToList();
            var rows = await RowsAsync(_app, run.Id);
            rows.Select(r => r.HospitalId).ShouldBe(expected);
            done.Imported.ShouldBe(expected.Count);

            await (await admin.PostAsync($"{Imports}/{run.Id}/resume", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            var again = await FinishedAsync(admin, (await (await UploadAsync(admin, "big.ndjson", file)).ReadAsync<RunBody>()).Id);
            again.Imported.ShouldBe(0);
            again.Duplicates.ShouldBe(expected.Count);
        }
        finally
        {
            importer.ChunkCommitted = null;
        }
    }
}

public sealed class BulkImportResumeTests_Sqlite(SqliteAppFactory app) : BulkImportResumeTests(app), IClassFixture<SqliteAppFactory>;

public sealed class BulkImportResumeTests_Postgres(PostgresAppFactory app) : BulkImportResumeTests(app), IClassFixture<PostgresAppFactory>;
