using System.Net;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Ctms.HospitalSim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.Integration.BulkImport.BulkImportTestData;

namespace Ctms.Api.Tests.Integration.BulkImport;

/// <summary>The hospital's FHIR Bulk Data export through the simulated hospital over HTTP: kicked off, polled, downloaded, imported; and a hospital that is down.</summary>
public sealed class BulkImportFromHospitalTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task The_hospitals_export_is_imported_and_a_run_that_failed_while_the_hospital_was_down_resumes_when_it_is_back()
    {
        var data = app.Hospital.Data;
        int[] registered = [0, 2, 5, 11];
        await using (var scope = app.Scope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<PatientRegistry>();
            foreach (var p in registered.Select(i => data.Patients[i]))
            {
                await registry.RegisterAsync(new HospitalPatient(p.Id, p.Mrn, p.IdNumber, p.Family, p.Given, p.FullName, p.BirthDate, p.Sex, []),
                    CancellationToken.None);
            }
            await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().SaveChangesAsync();
        }
        var total = BulkObservations.DefaultCount(data);
        var expected = Enumerable.Range(1, total).Count(n => registered.Contains((n - 1) % data.Patients.Count));
        var admin = await app.AdminAsync();

        var accepted = await admin.PostAsync($"{Imports}/from-hospital", null);
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await FinishedAsync(admin, (await accepted.ReadAsync<RunBody>()).Id);
        run.Status.ShouldBe("Succeeded", run.Error);
        run.Source.ShouldBe("HospitalExport");
        run.LinesRead.ShouldBe(total);
        run.Imported.ShouldBe(expected);
        run.NotRegistered.ShouldBe(total - expected);
        run.Sha256.ShouldNotBeNull().Length.ShouldBe(64);
        (await RowsAsync(app, run.Id)).Count.ShouldBe(expected);

        app.Hospital.Faults.Down();
        try
        {
            var failed = await FinishedAsync(admin, (await (await admin.PostAsync($"{Imports}/from-hospital", null)).ReadAsync<RunBody>()).Id);
            failed.Status.ShouldBe("Failed");
            failed.Error.ShouldNotBeNull().ShouldContain("bulk export");
            failed.LinesRead.ShouldBe(0);
            await using (var scope = app.Scope())
            {
                (await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().IntegrationAlerts.AsNoTracking()
                    .AnyAsync(a => a.Source == "bulk-import" && a.Code == "failed" && a.AcknowledgedAt == null)).ShouldBeTrue();
            }

            app.Hospital.Faults.Reset();
            (await admin.PostAsync($"{Imports}/{failed.Id}/resume", null)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var resumed = await FinishedAsync(admin, failed.Id);
            resumed.Status.ShouldBe("Succeeded", resumed.Error);
            resumed.Imported.ShouldBe(0);
            resumed.Duplicates.ShouldBe(expected);
            resumed.Error.ShouldBeNull();
        }
        finally
        {
            app.Hospital.Faults.Reset();
        }
    }
}
