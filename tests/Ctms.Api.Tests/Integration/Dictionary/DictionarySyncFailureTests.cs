using System.Net;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Dictionary;

namespace Ctms.Api.Tests.Integration.Dictionary;

/// <summary>
/// A hospital that answers nonsense, and two syncs at once: nothing half imported, a failed run with an alert, a 409.
/// </summary>
public sealed class DictionarySyncFailureTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task A_malformed_answer_fails_the_run_with_an_alert_and_imports_nothing_of_the_page()
    {
        using var admin = await app.AdminAsync();
        var before = await DictionarySyncDriver.RowsAsync(app);
        app.Hospital.Faults.Malformed();
        try
        {
            var run = await DictionarySyncDriver.SyncAsync(admin);
            run.Status.ShouldBe(DictionarySyncStatus.Failed);
            run.Error.ShouldNotBeNullOrWhiteSpace();
            run.Error.ShouldContain("department");
            run.Read.ShouldBe(0);
            (await DictionarySyncDriver.RowsAsync(app)).ShouldBe(before);
            (await DictionarySyncDriver.OpenAlertsAsync(app, AlertSources.DictionarySync, "failed")).ShouldBe(1);
        }
        finally
        {
            app.Hospital.Faults.Reset();
        }
    }

    [Fact]
    public async Task A_second_start_while_a_sync_runs_is_refused_with_409()
    {
        using var admin = await app.AdminAsync();
        app.Hospital.Faults.Slow(TimeSpan.FromMilliseconds(300));
        try
        {
            var running = await DictionarySyncDriver.StartAsync(admin);
            var second = await admin.PostAsync("/api/integration/dictionary-sync", null);
            await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            app.Hospital.Faults.Reset();
            (await DictionarySyncDriver.WaitAsync(admin, running.Id)).Status.ShouldBe(DictionarySyncStatus.Succeeded);
        }
        finally
        {
            app.Hospital.Faults.Reset();
        }
    }
}
