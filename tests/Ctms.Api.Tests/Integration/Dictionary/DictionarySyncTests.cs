using System.Net;
using System.Net.Http.Json;
using Ctms.Domain.Integration.Dictionary;

namespace Ctms.Api.Tests.Integration.Dictionary;

/// <summary>
/// The dictionary sync against the simulated hospital over HTTP: a first run copies every dictionary, a second adds
/// nothing, and after the hospital changed its dictionaries a run counts exactly what changed.
/// </summary>
public abstract class DictionarySyncTests(HospitalAppFactory app)
{
    [Fact]
    public async Task A_first_sync_copies_every_dictionary_a_second_adds_nothing_and_a_third_counts_exactly_the_hospitals_changes()
    {
        using var admin = await app.AdminAsync();
        var sizes = DictionarySyncDriver.Sizes(app.Hospital.Data);

        var first = await DictionarySyncDriver.SyncAsync(admin);
        first.Status.ShouldBe(DictionarySyncStatus.Succeeded, first.Error);
        first.Trigger.ShouldBe(DictionarySyncTrigger.Manual);
        foreach (var kind in DictionaryKinds.All)
        {
            first.For(kind).Added.ShouldBe(sizes[kind], kind.Name());
            first.For(kind).Completed.ShouldBeTrue();
        }
        var rows = await DictionarySyncDriver.RowsAsync(app);
        foreach (var kind in DictionaryKinds.All)
        {
            rows[kind].ShouldBe((sizes[kind], sizes[kind]), kind.Name());
        }

        var second = await DictionarySyncDriver.SyncAsync(admin);
        second.Status.ShouldBe(DictionarySyncStatus.Succeeded, second.Error);
        second.Added.ShouldBe(0);
        second.Updated.ShouldBe(0);
        second.Deactivated.ShouldBe(0);
        second.Read.ShouldBeGreaterThan(0); // the boundary entries are read again, and found unchanged
        second.Read.ShouldBeLessThan(first.Read);
        (await DictionarySyncDriver.RowsAsync(app)).ShouldBe(rows);

        await app.Hospital.Data.ChangeDictionariesAsync(3);
        var third = await DictionarySyncDriver.SyncAsync(admin);
        third.Status.ShouldBe(DictionarySyncStatus.Succeeded, third.Error);
        foreach (var kind in DictionaryKinds.All)
        {
            var counts = third.For(kind);
            (counts.Added, counts.Updated, counts.Deactivated).ShouldBe((3, 3, 1), kind.Name());
        }
        rows = await DictionarySyncDriver.RowsAsync(app);
        foreach (var kind in DictionaryKinds.All)
        {
            rows[kind].ShouldBe((sizes[kind] + 3, sizes[kind] + 3), kind.Name());
        }

        // The run log lists them newest first; the dictionary shows the changes.
        var runs = (await admin.GetFromJsonAsync<List<DictionarySyncRunView>>("/api/integration/dictionary-sync/runs", CtmsAppFactory.Json))!;
        runs.Select(r => r.Id).Take(3).ShouldBe([third.Id, second.Id, first.Id]);
        var renamed = (await admin.GetFromJsonAsync<DictionaryEntriesPage>("/api/dictionary/department?search=(rev%201)", CtmsAppFactory.Json))!;
        renamed.Total.ShouldBe(3);
        renamed.Items.ShouldAllBe(e => e.LastChangedByRunId == third.Id);
        var inactive = (await admin.GetFromJsonAsync<DictionaryEntriesPage>("/api/dictionary/drug?active=false&limit=500", CtmsAppFactory.Json))!;
        inactive.Items.Count(e => e.LastChangedByRunId == third.Id).ShouldBe(1);
    }

    [Fact]
    public async Task Any_signed_in_user_reads_the_dictionary_but_only_an_integration_administrator_starts_a_sync_or_reads_the_run_log()
    {
        var (crc, _) = await app.UserAsync("crc");
        (await crc.PostAsync("/api/integration/dictionary-sync", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await crc.GetAsync("/api/integration/dictionary-sync/runs")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var page = await crc.GetAsync("/api/dictionary/lab-item?limit=5");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await crc.GetAsync("/api/dictionary/patients")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await crc.GetAsync("/api/dictionary/drug?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/dictionary/drug")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_studio_page_shows_the_dictionary_in_chinese_and_hides_the_run_log_from_a_crc()
    {
        var (_, crc) = await app.UserAsync("crc");
        using var studio = await app.StudioClientAsync(crc, "zh-CN");
        var html = await studio.GetStringAsync("/integration/dictionary");
        html.ShouldContain("数据字典");
        html.ShouldNotContain("data-testid=\"sync-now\"");
    }
}

public sealed class DictionarySyncTests_Sqlite(HospitalSqliteFactory app) : DictionarySyncTests(app), IClassFixture<HospitalSqliteFactory>;

public sealed class DictionarySyncTests_Postgres(HospitalPostgresFactory app) : DictionarySyncTests(app), IClassFixture<HospitalPostgresFactory>;
