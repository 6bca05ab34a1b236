using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Dictionary;

namespace Ctms.Api.Tests.Integration.Dictionary;

/// <summary>
/// The hospital stops answering in the middle of a sync: the run fails with an alert, every page it committed is whole,
/// and the next run resumes from the watermarks: it reads fewer pages than a full sync and ends with the same table.
/// </summary>
public sealed class DictionarySyncResumeTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task A_sync_stopped_mid_way_is_resumed_by_the_next_run_with_nothing_lost_or_added_twice()
    {
        using var admin = await app.AdminAsync();
        var sizes = DictionarySyncDriver.Sizes(app.Hospital.Data);
        // Departments and staff get through, then the drug catalogue (at least two pages) breaks off after its first page.
        static int Pages(int entries) => (entries + 99) / 100;
        Pages(sizes[DictionaryKind.Drug]).ShouldBeGreaterThan(1);
        app.Hospital.Faults.FailAfter(Pages(sizes[DictionaryKind.Department]) + Pages(sizes[DictionaryKind.Staff]) + 1);
        DictionarySyncRunView failed;
        try
        {
            failed = await DictionarySyncDriver.SyncAsync(admin);
        }
        finally
        {
            app.Hospital.Faults.Reset();
        }
        failed.Status.ShouldBe(DictionarySyncStatus.Failed);
        failed.Error!.ShouldContain("drug");
        (await DictionarySyncDriver.OpenAlertsAsync(app, AlertSources.DictionarySync, "failed")).ShouldBe(1);
        failed.For(DictionaryKind.Department).Completed.ShouldBeTrue();
        failed.For(DictionaryKind.Staff).Completed.ShouldBeTrue();
        failed.For(DictionaryKind.Drug).Completed.ShouldBeFalse();
        var drugPages = failed.For(DictionaryKind.Drug).Pages;
        drugPages.ShouldBeGreaterThan(0);

        // What was committed is whole pages, each counted: rows equal the run's additions, no duplicates.
        var partial = await DictionarySyncDriver.RowsAsync(app);
        foreach (var kind in DictionaryKinds.All)
        {
            partial[kind].ShouldBe((failed.For(kind).Added, failed.For(kind).Added), kind.Name());
        }
        partial[DictionaryKind.Drug].Rows.ShouldBe(drugPages * 100);

        var resumed = await DictionarySyncDriver.SyncAsync(admin);
        resumed.Status.ShouldBe(DictionarySyncStatus.Succeeded, resumed.Error);
        resumed.ResumesRunId.ShouldBe(failed.Id);
        resumed.For(DictionaryKind.Department).Added.ShouldBe(0);
        resumed.For(DictionaryKind.Staff).Added.ShouldBe(0);
        resumed.For(DictionaryKind.Drug).Added.ShouldBe(sizes[DictionaryKind.Drug] - drugPages * 100);
        var fullSyncPages = DictionaryKinds.All.Sum(k => (sizes[k] + 99) / 100);
        resumed.Kinds.Sum(k => k.Pages).ShouldBeLessThan(fullSyncPages);

        var rows = await DictionarySyncDriver.RowsAsync(app);
        foreach (var kind in DictionaryKinds.All)
        {
            rows[kind].ShouldBe((sizes[kind], sizes[kind]), kind.Name());
        }
    }
}
