using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Subjects.Deviations;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Safety;

/// <summary>
/// O15 through the host: a serious AE starts the 24-hour clock; the investigators are reminded at 12 and 20 hours, the PI
/// and the CTI office are told at the deadline; the initial report notifies the sponsor side and starts the EC's review
/// (A02); a late one is flagged with its deviation candidate; follow-ups run until the final report.
/// </summary>
public sealed class SaeReportingTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task A_serious_event_reminds_at_12_and_20_hours_escalates_at_24_and_its_late_report_is_flagged_and_goes_to_the_sponsor_and_the_EC()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "SAE-" + Guid.NewGuid().ToString("N")[..8], Domain.Subjects.SubjectStatus.Randomized);
        var learned = app.Clock.GetUtcNow();
        var ae = await SafetyKit.RecordAsync(s.SubInvestigator.Client, subject.Id,
            SafetyKit.Ae("Febrile neutropenia", 4, serious: true, criteria: ["hospitalization"]));
        var id = ae.GetProperty("id").GetGuid();
        ae.GetProperty("serious").GetBoolean().ShouldBeTrue();
        var due = ae.GetProperty("reportDueAt").GetDateTimeOffset();
        due.ShouldBe(learned.AddHours(24), TimeSpan.FromSeconds(5));

        // The task is the investigators', not the CRC's.
        (await SafetyKit.TaskAsync(s.Pi.Client, s.ProjectId, "report")).ShouldNotBeNull();
        (await SafetyKit.TaskAsync(s.SubInvestigator.Client, s.ProjectId, "report")).ShouldNotBeNull();
        (await SafetyKit.TaskAsync(s.Crc.Client, s.ProjectId, "report")).ShouldBeNull();
        (await SafetyKit.NotifiedAsync(app, "sae-report-due", s.ProjectId)).ShouldBeEmpty();

        app.Clock.Set(learned.AddHours(12).AddMinutes(1));
        await GateKit.RunJobsAsync(app);
        (await SafetyKit.NotifiedAsync(app, "sae-report-due", s.ProjectId)).ShouldBe([s.Pi.UserName, s.SubInvestigator.UserName], ignoreOrder: true);
        app.Clock.Set(learned.AddHours(20).AddMinutes(1));
        await GateKit.RunJobsAsync(app);
        (await SafetyKit.NotifiedAsync(app, "sae-report-due", s.ProjectId)).Count.ShouldBe(4);
        (await SafetyKit.NotifiedAsync(app, "sae-report-overdue", s.ProjectId)).ShouldBeEmpty();
        app.Clock.Set(learned.AddHours(24).AddMinutes(1));
        await GateKit.RunJobsAsync(app);
        var overdue = await SafetyKit.NotifiedAsync(app, "sae-report-overdue", s.ProjectId);
        overdue.ShouldContain(s.Pi.UserName);
        overdue.ShouldContain(s.Secretary.UserName);
        overdue.ShouldNotContain(s.SubInvestigator.UserName);

        // The report comes late: flagged, and a deviation candidate without any patient identifier.
        // The PI reports: the initial report goes on to the ethics committee under the reporter's name (ethics.submit).
        using var pi = await GateKit.SignInAsync(app, s.Pi.UserName);
        var response = await pi.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports",
            new { kind = "Initial", narrative = "Admitted with fever 39.2 C and ANC 0.3; IV antibiotics started." });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var report = await response.ReadAsync<JsonElement>();
        report.GetProperty("late").GetBoolean().ShouldBeTrue();
        var deviation = await s.InDbAsync(db => db.DeviationCandidates.AsNoTracking().SingleAsync(d => d.Source == $"sae:{id}"));
        (deviation.Kind, deviation.SubjectId).ShouldBe((DeviationKind.LateSaeReport, subject.Id));
        deviation.Description.ShouldNotContain("Zhang");

        // The task is done; the sponsor side is told; the EC's review (A02) is open with the event's reference.
        (await SafetyKit.TaskAsync(pi, s.ProjectId, "report")).ShouldBeNull();
        var reported = await SafetyKit.NotifiedAsync(app, "sae-reported", s.ProjectId);
        reported.ShouldContain(s.Cra.UserName);
        reported.ShouldContain(s.Secretary.UserName);
        var body = await s.InDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "sae-reported" && n.RecipientUserName == s.Cra.UserName)
            .Select(n => n.Body).SingleAsync());
        body.ShouldContain(s.ProtocolNumber);
        body.ShouldNotContain("Zhang");
        var review = await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().SingleAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Sae));
        review.Reference.ShouldStartWith($"SAE {s.ProtocolNumber}-");
        review.Status.ShouldBe(ReviewStatus.InFormalReview);

        // Follow-ups until the final report; nothing after it, and a second initial report is refused.
        (await pi.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Initial", narrative = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var followUp = await pi.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "FollowUp", narrative = "ANC recovering." });
        followUp.StatusCode.ShouldBe(HttpStatusCode.Created, await followUp.Content.ReadAsStringAsync());
        (await followUp.ReadAsync<JsonElement>()).GetProperty("late").GetBoolean().ShouldBeFalse();
        (await pi.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Final", narrative = "Recovered; discharged." }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        (await pi.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "FollowUp", narrative = "more" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var row = (await (await pi.GetAsync($"/api/subjects/{subject.Id}/adverse-events")).ReadAsync<JsonElement>())[0];
        row.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ShouldBe(["Initial", "FollowUp", "Final"]);
    }

    [Fact]
    public async Task An_event_made_serious_at_follow_up_starts_the_clock_and_an_on_time_report_through_the_task_is_not_late()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        using var pi = await GateKit.SignInAsync(app, s.Pi.UserName);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "SAE-" + Guid.NewGuid().ToString("N")[..8], Domain.Subjects.SubjectStatus.Enrolled);
        var ae = await SafetyKit.RecordAsync(pi, subject.Id, SafetyKit.Ae("Pneumonitis", 2));
        var id = ae.GetProperty("id").GetGuid();
        (await SafetyKit.TaskAsync(pi, s.ProjectId, "report")).ShouldBeNull();

        var serious = await pi.PostAsJsonAsync($"/api/adverse-events/{id}/follow-ups",
            new { outcome = "Ongoing", grade = 3, note = "Hospitalised for oxygen.", serious = true, seriousCriteria = new[] { "hospitalization" } });
        serious.StatusCode.ShouldBe(HttpStatusCode.OK, await serious.Content.ReadAsStringAsync());
        (await serious.ReadAsync<JsonElement>()).GetProperty("reportDueAt").ValueKind.ShouldBe(JsonValueKind.String);

        var task = await SafetyKit.TaskAsync(pi, s.ProjectId, "report");
        task.ShouldNotBeNull();
        var done = await pi.PostAsJsonAsync($"/api/tasks/{task.Value.GetProperty("id").GetString()}/complete",
            new { variables = new { narrative = "Grade 3 pneumonitis; admitted; steroids started." } });
        done.StatusCode.ShouldBe(HttpStatusCode.NoContent, await done.Content.ReadAsStringAsync());

        var report = await s.InDbAsync(db => db.SaeReports.AsNoTracking().SingleAsync(r => r.AdverseEventId == id));
        (report.Kind, report.Late, report.SubmittedBy).ShouldBe((Domain.Subjects.Safety.SaeReportKind.Initial, false, s.Pi.UserName));
        (await s.InDbAsync(db => db.DeviationCandidates.CountAsync(d => d.Source == $"sae:{id}"))).ShouldBe(0);
        (await SafetyKit.NotifiedAsync(app, "sae-reported", s.ProjectId)).ShouldContain(s.Cra.UserName);
        (await s.InDbAsync(db => db.EthicsReviews.CountAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Sae))).ShouldBe(1);
    }
}
