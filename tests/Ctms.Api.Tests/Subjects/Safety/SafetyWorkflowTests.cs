using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Safety;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Safety;

/// <summary>
/// The safety commands with their processes (the path REST and the studio share): an ongoing event starts its follow-up
/// (O14), which a follow-up that resolves it ends; a resolved one starts none; a sub-investigator's initial SAE report
/// goes on to the ethics committee (A02) under their name, although they hold <c>safety.report</c> and not
/// <c>ethics.submit</c>, which stays the PI's.
/// </summary>
public sealed class SafetyWorkflowTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Recording_an_ongoing_event_starts_its_follow_up_which_a_resolving_follow_up_ends()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "WF-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Enrolled);
        var ongoing = (await SafetyKit.RecordAsync(s.SubInvestigator.Client, subject.Id, SafetyKit.Ae("Headache", 1))).GetProperty("id").GetGuid();
        var recovered = (await SafetyKit.RecordAsync(s.Pi.Client, subject.Id, SafetyKit.Ae("Rash", 1, outcome: "Recovered"))).GetProperty("id").GetGuid();

        var instance = (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O14, s.ProjectId, ongoing)).ShouldHaveSingleItem();
        (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O14, s.ProjectId, recovered)).ShouldBeEmpty();
        // Not serious: no clock.
        (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O15, s.ProjectId, ongoing)).ShouldBeEmpty();

        // Still ongoing: recorded once, O14 waits for the next one.
        var worse = await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{ongoing}/follow-ups", new { outcome = "Ongoing", grade = 2, note = "Worse in the evening." });
        worse.StatusCode.ShouldBe(HttpStatusCode.OK, await worse.Content.ReadAsStringAsync());
        (await worse.ReadAsync<JsonElement>()).GetProperty("grade").GetInt32().ShouldBe(2);
        (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O14, s.ProjectId, ongoing)).ShouldBe([instance]);

        // A refused follow-up (no note) changes nothing; a CRC may not follow up.
        await (await s.Pi.Client.PostAsJsonAsync($"/api/adverse-events/{ongoing}/follow-ups", new { outcome = "Recovered", note = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await s.Crc.Client.PostAsJsonAsync($"/api/adverse-events/{ongoing}/follow-ups", new { outcome = "Recovered", note = "Gone." }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var resolved = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/adverse-events/{ongoing}/follow-ups", new { outcome = "Recovered", note = "Gone." });
        resolved.StatusCode.ShouldBe(HttpStatusCode.OK, await resolved.Content.ReadAsStringAsync());
        var view = await resolved.ReadAsync<JsonElement>();
        view.GetProperty("outcome").GetString().ShouldBe("Recovered");
        view.GetProperty("followUps").GetArrayLength().ShouldBe(2);
        (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O14, s.ProjectId, ongoing)).ShouldBeEmpty();
        var stored = await s.InDbAsync(db => db.AdverseEvents.AsNoTracking().SingleAsync(e => e.Id == ongoing));
        (stored.Outcome, stored.Grade).ShouldBe((AdverseEventOutcome.Recovered, 2));
        // SQLite cannot order by a DateTimeOffset: ordered here.
        (await s.InDbAsync(db => db.AdverseEventFollowUps.AsNoTracking().Where(f => f.AdverseEventId == ongoing).ToListAsync()))
            .OrderBy(f => f.At).Select(f => f.By).ShouldBe([s.Pi.UserName, s.SubInvestigator.UserName]);

        // A week on, nobody is reminded of the resolved event.
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await Ethics.Gate.GateKit.RunJobsAsync(app);
        (await SafetyKit.NotifiedAsync(app, "adverse-event-follow-up-due", s.ProjectId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sub_investigator_s_initial_SAE_report_goes_to_the_ethics_committee_under_their_name()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "WF-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Randomized);
        var ae = await SafetyKit.RecordAsync(s.SubInvestigator.Client, subject.Id, SafetyKit.Ae("Sepsis", 4, serious: true, criteria: ["hospitalization"]));
        var id = ae.GetProperty("id").GetGuid();
        var clock = (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O15, s.ProjectId, id)).ShouldHaveSingleItem();

        // ethics.submit stays the PI's: the sub-investigator cannot open an EC review of their own.
        var own = await s.SubInvestigator.Client.PostAsJsonAsync("/api/process-instances", new
        {
            processId = "A02-sae-report-review", businessKey = s.ProjectId.ToString(),
            variables = new { projectId = s.ProjectId.ToString(), reportKind = "Sae", reference = "SAE-X", summary = "Sepsis" },
        });
        await own.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.InDbAsync(db => db.EthicsReviews.CountAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Sae))).ShouldBe(0);

        // A CRC may not report; the sub-investigator may.
        await (await s.Crc.Client.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Initial", narrative = "Sepsis." }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var response = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports",
            new { kind = "Initial", narrative = "Septic shock on day 12; ICU; blood cultures taken." });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (await response.ReadAsync<JsonElement>()).GetProperty("late").GetBoolean().ShouldBeFalse();

        var report = await s.InDbAsync(db => db.SaeReports.AsNoTracking().SingleAsync(r => r.AdverseEventId == id));
        (report.Kind, report.SubmittedBy).ShouldBe((SaeReportKind.Initial, s.SubInvestigator.UserName));
        var review = await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().SingleAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Sae));
        review.SubmittedBy.ShouldBe(s.SubInvestigator.UserName);
        review.Reference.ShouldStartWith($"SAE {s.ProtocolNumber}-");
        review.Status.ShouldBe(ReviewStatus.InFormalReview);
        (await SafetyKit.NotifiedAsync(app, "sae-reported", s.ProjectId)).ShouldContain(s.Cra.UserName);
        // O15 goes on to the follow-up reports.
        (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O15, s.ProjectId, id)).ShouldBe([clock]);
        var followUp = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/adverse-events/{id}/sae-reports", new { kind = "Final", narrative = "Recovered." });
        followUp.StatusCode.ShouldBe(HttpStatusCode.Created, await followUp.Content.ReadAsStringAsync());
        // The sub-investigator still holds no more than before: an EC review is not theirs to open.
        await (await s.SubInvestigator.Client.PostAsJsonAsync("/api/process-instances", new
        {
            processId = "A02-sae-report-review", businessKey = s.ProjectId.ToString(),
            variables = new { projectId = s.ProjectId.ToString(), reportKind = "Sae", reference = "SAE-Y", summary = "Again" },
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.InDbAsync(db => db.EthicsReviews.CountAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Sae))).ShouldBe(1);
    }
}
