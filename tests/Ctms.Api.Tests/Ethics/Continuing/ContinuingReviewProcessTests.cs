using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Continuing;

/// <summary>
/// P14 on the host's clock: the PI is reminded 30 days before the approval's end; at the end the lapse is recorded and
/// the gate closes; the annual report goes through the secretary, a primary reviewer's signed opinion and the chair's
/// signed decision (P09); the renewal opens the gate again and the next year's cycle begins. A class of its own: it moves the clock.
/// </summary>
public sealed class ContinuingReviewProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_PI_is_reminded_the_approval_lapses_at_its_end_and_the_approved_report_renews_it_for_another_year()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var approvalId = await GateKit.ApproveInitialAsync(s);
        var validUntil = (await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.Id == approvalId))).ValidUntil!.Value;

        // Only the EC office (or the chair) starts it: the applicant's start is refused and leaves nothing.
        var refused = await s.Applicant.PostAsJsonAsync("/api/process-instances", new
        {
            processId = "P14-continuing-review", businessKey = s.ProjectId.ToString(), variables = new { projectId = s.ProjectId.ToString(), decisionId = approvalId.ToString() },
        });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.InDbAsync(db => db.ContinuingReviewCycles.CountAsync(c => c.ProjectId == s.ProjectId))).ShouldBe(0);

        var instanceId = await GateKit.StartAsync(s.Secretary, "P14-continuing-review", s.ProjectId,
            new { projectId = s.ProjectId.ToString(), decisionId = approvalId.ToString() });
        (await GateKit.ActiveAsync(s, instanceId)).ShouldBe(["reminder-due"]);
        var cycle = await s.InDbAsync(db => db.ContinuingReviewCycles.AsNoTracking().SingleAsync(c => c.ProjectId == s.ProjectId));
        cycle.DueAt.ShouldBe(validUntil);
        cycle.RemindAt.ShouldBe(validUntil.AddDays(-30));

        // 30 days before the end: the PI is reminded and asked for the report, due at the end.
        app.Clock.Set(cycle.RemindAt.AddMinutes(1));
        (await GateKit.RunJobsAsync(app)).ShouldBeGreaterThan(0);
        (await GateKit.ActiveAsync(s, instanceId)).ShouldBe(["report"]);
        var reminders = await s.InDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "continuing-review-reminder" && n.ProjectId == s.ProjectId).ToListAsync());
        reminders.ShouldHaveSingleItem().RecipientUserName.ShouldBe(s.PiName);
        reminders[0].Subject.ShouldContain(validUntil.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        (await s.InDbAsync(db => db.ContinuingReviewCycles.AsNoTracking().SingleAsync(c => c.Id == cycle.Id))).RemindedAt.ShouldNotBeNull();
        var pi = await GateKit.SignInAsync(app, s.PiName);
        (await GateKit.GateAsync(pi, s.ProjectId)).GetProperty("open").GetBoolean().ShouldBeTrue();

        // The end passes without a renewal: the lapse is recorded and told, the gate closes, the report stays open.
        app.Clock.Set(validUntil.AddMinutes(1));
        (await GateKit.RunJobsAsync(app)).ShouldBeGreaterThan(0);
        (await s.InDbAsync(db => db.ContinuingReviewCycles.AsNoTracking().SingleAsync(c => c.Id == cycle.Id))).LapsedAt.ShouldNotBeNull();
        var lapsed = await s.InDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "continuing-review-lapsed" && n.ProjectId == s.ProjectId)
            .Select(n => n.RecipientUserName).ToListAsync());
        lapsed.ShouldContain(s.PiName);
        lapsed.ShouldContain(s.SecretaryName);
        pi = await GateKit.SignInAsync(app, s.PiName);
        var closed = await GateKit.GateAsync(pi, s.ProjectId);
        GateKit.Failing(closed).ShouldBe(["approval-current"]);
        (await GateKit.ActiveAsync(s, instanceId)).ShouldContain("report");

        // The report is the PI's: the EC secretary may not submit it.
        var secretary = await GateKit.SignInAsync(app, s.SecretaryName);
        var reportTask = await EthicsScenario.FindTaskAsync(pi, instanceId, "report");
        reportTask.ShouldNotBeNull();
        var report = new { enrolledSoFar = 12, saeCount = 1, deviationCount = 2, reportSummary = "Enrollment on track; one SAE, unrelated." };
        (await secretary.PostAsJsonAsync($"/api/tasks/{reportTask}/complete", new { variables = report })).IsSuccessStatusCode.ShouldBeFalse();
        (await s.CompleteAsync(pi, instanceId, "report", report)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var review = await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().SingleAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Continuing));
        review.DueAt.ShouldBe(validUntil);
        review.Summary!.ShouldContain("Enrolled so far: 12");

        (await s.CompleteAsync(secretary, instanceId, "formal-review", new { secretaryNotes = "Complete" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var reviewer = await GateKit.SignInAsync(app, s.Seats[3].UserName);
        (await s.CompleteAsync(reviewer, instanceId, "opinion", new { outcome = "approve", safetyAcceptable = true, conductAcceptable = true }, sign: true))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var chair = await GateKit.SignInAsync(app, s.Chair.UserName);
        var sign = await (await chair.GetAsync($"/api/tasks?view=groups&businessKey={s.ProjectId}&elementId=sign-decision")).ReadAsync<JsonElement>();
        var signTask = sign.GetProperty("items")[0].GetProperty("id").GetString();
        (await chair.PostAsJsonAsync($"/api/tasks/{signTask}/complete", new { variables = new { }, signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Renewed until a year from the decision; the gate opens again and the next year's cycle waits for its reminder.
        var renewal = (await GateKit.DecisionsAsync(s, ReviewKind.Continuing)).ShouldHaveSingleItem();
        renewal.Outcome.ShouldBe(EthicsOutcome.Approve);
        var cycles = await s.InDbAsync(db => db.ContinuingReviewCycles.AsNoTracking().Where(c => c.ProjectId == s.ProjectId).OrderBy(c => c.Id).ToListAsync());
        cycles.Count.ShouldBe(2);
        cycles[0].RenewalDecisionId.ShouldBe(renewal.Id);
        cycles[1].ApprovalDecisionId.ShouldBe(renewal.Id);
        cycles[1].DueAt.ShouldBe(renewal.ValidUntil!.Value);
        (await GateKit.ActiveAsync(s, instanceId)).ShouldBe(["reminder-due"]);
        var open = await GateKit.GateAsync(pi, s.ProjectId);
        open.GetProperty("open").GetBoolean().ShouldBeTrue();
        open.GetProperty("approvedUntil").GetDateTimeOffset().ShouldBe(renewal.ValidUntil!.Value);
        var listed = await (await pi.GetAsync($"/api/projects/{s.ProjectId}/ethics/continuing-reviews")).ReadAsync<JsonElement>();
        listed.GetArrayLength().ShouldBe(2);
        listed[1].GetProperty("lapsedAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_approval_s_message_starts_the_continuing_review_as_P09_will_on_an_initial_approval()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var approvalId = await GateKit.ApproveInitialAsync(s);
        using var admin = await app.AdminAsync();
        (await admin.PostAsJsonAsync("/api/messages", new
        {
            name = "ethics-approval-granted", correlationKey = s.ProjectId.ToString(),
            variables = new { projectId = s.ProjectId.ToString(), decisionId = approvalId.ToString(), reminderDays = 45 },
        })).IsSuccessStatusCode.ShouldBeTrue();
        var cycle = await s.InDbAsync(db => db.ContinuingReviewCycles.AsNoTracking().SingleAsync(c => c.ApprovalDecisionId == approvalId));
        cycle.RemindAt.ShouldBe(cycle.DueAt.AddDays(-45));
        var running = await (await admin.GetAsync("/api/process-instances?processId=P14-continuing-review&status=running&limit=200")).ReadAsync<JsonElement>();
        running.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
    }
}
