using System.Net;
using System.Text.Json;
using Ctms.Api.Tests.Documents;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Reviews;

/// <summary>A02 and A03: an SAE or a deviation reported by the PI, one member's signed opinion, the chair's decision through P09; and P07's decision path.</summary>
public abstract class ReportReviewTests(CtmsAppFactory app)
{
    private static async Task<Guid> ReportAsync(ReviewsKit kit, string processId, string reference)
    {
        var s = kit.S;
        var response = await kit.StartAsync(s.Pi, processId,
            new { projectId = s.ProjectId.ToString(), committeeId = s.CommitteeId.ToString(), reference, summary = "Grade 4 neutropenia after cycle 2; subject hospitalised." });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse((await response.ReadAsync<JsonElement>()).GetProperty("variables").GetProperty("reviewId").GetString()!);
    }

    private static Task SignDecisionAsync(ReviewsKit kit, string conditions) =>
        kit.CompletedAsync(kit.S.Chair.Client, "P09-ethics-decision", "sign-decision", new { conditions }, kit.S.App.UserPassword);

    [Fact]
    public async Task An_SAE_report_is_reviewed_by_the_assigned_member_and_acknowledged_by_the_chair()
    {
        var s = await EthicsScenario.CreateAsync(app, Domain.Projects.ProjectStatus.Enrolling);
        var kit = new ReviewsKit(s);
        var reviewId = await ReportAsync(kit, ReviewsKit.A02, "SAE-2026-017");
        var row = await kit.RowAsync(reviewId);
        (row.Kind, row.Reference, row.Status, row.SubmittedBy).ShouldBe((ReviewKind.Sae, "SAE-2026-017", ReviewStatus.InFormalReview, s.PiName));
        (await DocumentTestData.NotificationAsync(app, s.SecretaryName, "ethics-report-received")).Body.ShouldContain("neutropenia");

        // The applicant may not assign; the secretary assigns one member.
        (await kit.TaskAsync(s.Applicant, ReviewsKit.A02, "choose")).ShouldBeNull();
        var member = s.Seats[3];
        await kit.CompletedAsync(s.Secretary, ReviewsKit.A02, "choose", new { reviewers = new[] { member.UserName } });
        (await kit.RowAsync(reviewId)).Assignments.Single().MemberId.ShouldBe(member.MemberId);

        await kit.OpinionAsync(member, "approve");
        await kit.CompletedAsync(s.Chair.Client, ReviewsKit.P07, "chair", new { chairDecision = "decide", outcome = "acknowledge", conditions = "Update the investigator's brochure." });
        await SignDecisionAsync(kit, "Update the investigator's brochure.");

        row = await kit.RowAsync(reviewId);
        row.Status.ShouldBe(ReviewStatus.Decided);
        var decision = await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == reviewId));
        decision.Outcome.ShouldBe(EthicsOutcome.Acknowledge);
        var review = await kit.ReviewAsync(reviewId, s.Pi);
        review.GetProperty("decision").GetProperty("signatures")[0].GetProperty("intact").GetBoolean().ShouldBeTrue();
        review.GetProperty("assignments")[0].GetProperty("signatures")[0].GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_deviation_report_gets_changes_requested_and_an_initial_review_is_approved_on_the_expedited_track()
    {
        var s = await EthicsScenario.CreateAsync(app, Domain.Projects.ProjectStatus.Enrolling);
        var kit = new ReviewsKit(s);
        var deviationId = await ReportAsync(kit, ReviewsKit.A03, "DEV-2026-003");
        (await kit.RowAsync(deviationId)).Kind.ShouldBe(ReviewKind.Deviation);
        await kit.CompletedAsync(s.Secretary, ReviewsKit.A03, "choose", new { reviewers = new[] { s.Seats[2].UserName } });
        await kit.OpinionAsync(s.Seats[2], "approve-with-modifications", "Retrain the site on the visit windows.");
        await kit.CompletedAsync(s.Chair.Client, ReviewsKit.P07, "chair",
            new { chairDecision = "decide", outcome = "approve-with-modifications", conditions = "Retrain the site on the visit windows." });
        await SignDecisionAsync(kit, "Retrain the site on the visit windows.");
        (await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == deviationId))).Outcome
            .ShouldBe(EthicsOutcome.ApproveWithModifications);

        // P05 -> P06 (expedited, one reviewer) -> P07 -> P09: the chair approves.
        var (instanceId, reviewId) = await kit.ApplyAsync();
        await kit.CheckAsync("expedited", [s.Seats[5].UserName]);
        await kit.OpinionAsync(s.Seats[5], "approve");
        await kit.CompletedAsync(s.Chair.Client, ReviewsKit.P07, "chair", new { chairDecision = "decide", outcome = "approve" });
        await SignDecisionAsync(kit, "None.");
        var decision = await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == reviewId));
        decision.Outcome.ShouldBe(EthicsOutcome.Approve);
        decision.ValidUntil.ShouldNotBeNull();
        (await kit.StatusAsync(reviewId)).ShouldBe("Decided");
        (await kit.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
    }
}

public sealed class ReportReviewTests_Sqlite(SqliteAppFactory app) : ReportReviewTests(app), IClassFixture<SqliteAppFactory>;
