using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.Subjects.Visits;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Ecrf;

/// <summary>
/// e-CRF data entry through REST (O13): the form's ranges, edit checks opening queries, the query's answer and closing by
/// the roles that own them, corrections with a reason, and the investigator's signed sign-off, broken by a later change.
/// </summary>
public sealed class EcrfTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    private static string Page(Guid subjectId) => $"/api/subjects/{subjectId}/visits/SCR/ecrf/{VisitsKit.PageCode}";

    private static JsonElement[] Entries(JsonElement list) => [.. list.EnumerateArray()];

    [Fact]
    public async Task A_value_out_of_range_is_refused_on_its_field_and_nothing_is_saved()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 31);

        var refused = await (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 300, diastolic = 80 } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        refused.GetProperty("errors").TryGetProperty("systolic", out _).ShouldBeTrue(refused.ToString());
        (await s.InDbAsync(db => db.EcrfEntries.CountAsync(e => e.SubjectId == subjectId))).ShouldBe(0);

        // Not a page of the visit, not a visit of the schedule, not a role that enters data.
        (await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/visits/V2/ecrf/{VisitsKit.PageCode}", new { data = new { systolic = 120 } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/visits/V9/ecrf/{VisitsKit.PageCode}", new { data = new { systolic = 120 } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Cra.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120 } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.InDbAsync(db => db.EcrfEntries.CountAsync(e => e.SubjectId == subjectId))).ShouldBe(0);
    }

    [Fact]
    public async Task An_edit_check_opens_a_query_that_blocks_sign_off_until_answered_and_closed_and_a_later_change_breaks_the_signature()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 32);

        // Diastolic above systolic: saved, and the edit check opens a query on diastolic.
        var saved = await (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120, diastolic = 130 } })).ReadAsync<JsonElement>();
        saved.GetProperty("status").GetString().ShouldBe("Queried");
        saved.GetProperty("pageVersion").GetInt32().ShouldBe(1);
        var entryId = saved.GetProperty("entryId").GetGuid();
        var query = saved.GetProperty("queries").EnumerateArray().Single();
        query.GetProperty("field").GetString().ShouldBe("diastolic");
        query.GetProperty("status").GetString().ShouldBe("Open");
        var queryId = query.GetProperty("id").GetGuid();
        // The visit's to-do item for the page is done.
        VisitsKit.Visit(await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId), "SCR").GetProperty("todo").EnumerateArray()
            .Single(t => t.GetProperty("kind").GetString() == "ecrf").GetProperty("done").GetBoolean().ShouldBeTrue();

        // A CRC cannot sign; the PI cannot sign while the query is open.
        var password = new { signature = new { password = app.UserPassword } };
        (await s.Crc.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", password)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var blocked = await (await s.Pi.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", password)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        blocked.GetProperty("detail").GetString()!.ShouldContain("query");

        // A correction needs a reason; with one it is saved and the reason audited.
        await (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120, diastolic = 80 } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120, diastolic = 80 }, reason = "transcription error" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.InDbAsync(db => db.AuditRecords.CountAsync(a => a.Field == "Data" && a.Reason == "transcription error")))
            .ShouldBeGreaterThan(0);

        // The site answers (a CRA cannot), the CRA closes (the site cannot).
        (await s.Cra.Client.PostAsJsonAsync($"/api/ecrf-queries/{queryId}/answer", new { text = "corrected" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Nurse.Client.PostAsJsonAsync($"/api/ecrf-queries/{queryId}/answer", new { text = "Transcription error, corrected to 80." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Nurse.Client.PostAsync($"/api/ecrf-queries/{queryId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Cra.Client.PostAsync($"/api/ecrf-queries/{queryId}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Without the password nothing is signed; with it, the PI signs.
        await (await s.Pi.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var signed = await (await s.Pi.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", password)).ReadAsync<JsonElement>();
        signed.GetProperty("status").GetString().ShouldBe("Signed");
        var signature = signed.GetProperty("signatures").EnumerateArray().Single();
        signature.GetProperty("signerUserName").GetString().ShouldBe(s.Pi.UserName);
        signature.GetProperty("meaning").GetString().ShouldBe("I confirm this page's data");
        signature.GetProperty("intact").GetBoolean().ShouldBeTrue();

        // A change after sign-off: the signature shows broken and the page needs signing again.
        (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 118, diastolic = 80 }, reason = "source re-checked" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var entry = Entries(await (await s.Cra.Client.GetAsync($"/api/subjects/{subjectId}/ecrf")).ReadAsync<JsonElement>()).Single();
        entry.GetProperty("status").GetString().ShouldBe("Entered");
        entry.GetProperty("data").GetProperty("systolic").GetDecimal().ShouldBe(118);
        entry.GetProperty("signatures").EnumerateArray().Single().GetProperty("intact").GetBoolean().ShouldBeFalse();
        (await s.SubInvestigator.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/sign", password)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Queries_are_raised_by_the_cra_or_the_data_manager_only()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 33);
        var saved = await (await s.Crc.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120, diastolic = 70 } })).ReadAsync<JsonElement>();
        saved.GetProperty("status").GetString().ShouldBe("Entered");
        var entryId = saved.GetProperty("entryId").GetGuid();

        (await s.Nurse.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/queries", new { field = "systolic", text = "Please confirm." }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.DataManager.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/queries", new { field = "systolic", text = "Please confirm against the source." }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Outsider.Client.PostAsJsonAsync($"/api/ecrf-entries/{entryId}/queries", new { field = "systolic", text = "?" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var entry = Entries(await (await s.Pi.Client.GetAsync($"/api/subjects/{subjectId}/ecrf")).ReadAsync<JsonElement>()).Single();
        entry.GetProperty("status").GetString().ShouldBe("Queried");
        entry.GetProperty("queries").EnumerateArray().Single().GetProperty("checkCode").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_visits_page_shows_the_schedule_and_the_pages_in_English_and_in_Chinese()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 34);
        (await s.Nurse.Client.PutAsJsonAsync(Page(subjectId), new { data = new { systolic = 120, diastolic = 130 } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var english = await app.StudioClientAsync(s.Nurse.UserName, "en");
        var page = await (await english.GetAsync($"/subjects/{subjectId}/visits")).Content.ReadAsStringAsync();
        page.ShouldContain("data-testid=\"visit-schedule\"");
        page.ShouldContain("data-code=\"V2\"");
        page.ShouldContain("Diastolic must be below systolic.");
        page.ShouldContain("Schedule");
        page.ShouldContain("not signed");

        using var chinese = await app.StudioClientAsync(s.Nurse.UserName, "zh-CN");
        var zh = await (await chinese.GetAsync($"/subjects/{subjectId}/visits")).Content.ReadAsStringAsync();
        zh.ShouldContain("访视计划");
        zh.ShouldContain("未签署");

        using var outsider = await app.StudioClientAsync(s.Outsider.UserName, "en");
        var refused = await (await outsider.GetAsync($"/subjects/{subjectId}/visits")).Content.ReadAsStringAsync();
        refused.ShouldContain("data-testid=\"visits-refused\"");
        refused.ShouldNotContain("data-code=\"V2\"");
    }
}
