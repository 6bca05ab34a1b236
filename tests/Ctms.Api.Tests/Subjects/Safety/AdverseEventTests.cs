using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Safety;

/// <summary>O14 through REST: an adverse event recorded by an investigator and followed to its outcome; bad input refused.</summary>
public sealed class AdverseEventTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task An_adverse_event_is_recorded_and_followed_up_to_recovery_and_then_takes_no_more_follow_ups()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "AE-" + Guid.NewGuid().ToString("N")[..8], Domain.Subjects.SubjectStatus.Enrolled);

        var ae = await SafetyKit.RecordAsync(s.SubInvestigator.Client, subject.Id, SafetyKit.Ae());
        ae.GetProperty("serious").GetBoolean().ShouldBeFalse();
        ae.GetProperty("reportDueAt").ValueKind.ShouldBe(JsonValueKind.Null);
        ae.GetProperty("number").GetInt32().ShouldBe(1);
        var id = ae.GetProperty("id").GetGuid();

        (await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{id}/follow-ups", new { outcome = "Ongoing", grade = 3, note = "Worse; dose held." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var recovered = await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{id}/follow-ups", new { outcome = "Recovered", note = "Counts back to normal." });
        recovered.StatusCode.ShouldBe(HttpStatusCode.OK, await recovered.Content.ReadAsStringAsync());

        // Anyone who reads the subjects sees it (the CRA monitors), with its history.
        var list = await (await s.Cra.Client.GetAsync($"/api/subjects/{subject.Id}/adverse-events")).ReadAsync<JsonElement>();
        var row = list.EnumerateArray().Single();
        (row.GetProperty("outcome").GetString(), row.GetProperty("grade").GetInt32()).ShouldBe(("Recovered", 3));
        row.GetProperty("followUps").EnumerateArray().Select(f => f.GetProperty("outcome").GetString()).ShouldBe(["Ongoing", "Recovered"]);
        row.GetProperty("followUps")[0].GetProperty("by").GetString().ShouldBe(s.Pi.UserName);

        var closed = await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{id}/follow-ups", new { outcome = "Ongoing", note = "Again?" });
        closed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        JsonDocument.Parse(await closed.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!.ShouldContain("closed");
        // Every change is audited.
        (await s.InDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityKey == id.ToString()))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_reason_and_nothing_is_saved()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "AE-" + Guid.NewGuid().ToString("N")[..8]);
        var url = $"/api/subjects/{subject.Id}/adverse-events";

        async Task<JsonElement> BadAsync(object body)
        {
            var response = await s.Pi.Client.PostAsJsonAsync(url, body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        }

        (await BadAsync(SafetyKit.Ae(grade: 6))).TryGetProperty("grade", out _).ShouldBeTrue();
        (await BadAsync(SafetyKit.Ae(causality: "Maybe"))).TryGetProperty("causality", out _).ShouldBeTrue();
        (await BadAsync(SafetyKit.Ae(outcome: "Better"))).TryGetProperty("outcome", out _).ShouldBeTrue();
        (await BadAsync(SafetyKit.Ae(serious: true))).TryGetProperty("seriousCriteria", out _).ShouldBeTrue();
        (await BadAsync(SafetyKit.Ae(grade: 5, serious: true, criteria: ["death"]))).TryGetProperty("outcome", out _).ShouldBeTrue();
        (await BadAsync(SafetyKit.Ae(onsetDate: "2999-01-01"))).TryGetProperty("onsetDate", out _).ShouldBeTrue();

        // A CRC reads subjects but does not report safety; someone outside the study learns nothing.
        (await s.Crc.Client.PostAsJsonAsync(url, SafetyKit.Ae())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Outsider.Client.PostAsJsonAsync(url, SafetyKit.Ae())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Outsider.Client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.InDbAsync(db => db.AdverseEvents.CountAsync(e => e.SubjectId == subject.Id))).ShouldBe(0);

        // A non-serious event is not reported as an SAE; a report by a CRC is refused.
        var ae = await SafetyKit.RecordAsync(s.Pi.Client, subject.Id, SafetyKit.Ae());
        var id = ae.GetProperty("id").GetGuid();
        (await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Initial", narrative = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Crc.Client.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Initial", narrative = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Outsider.Client.PostAsJsonAsync($"/api/adverse-events/{id}/follow-ups", new { outcome = "Recovered", note = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Interim", narrative = "x" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await s.InDbAsync(db => db.SaeReports.CountAsync(r => r.AdverseEventId == id))).ShouldBe(0);
    }
}
