using System.Net;
using System.Text.RegularExpressions;
using Ctms.Api.Tests.Ethics.Reviews;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Pages;

/// <summary>
/// The EC workspace, the review page and the committee administration as first rendered on the server: what each role
/// sees, the opinion's signature intact then broken, the seats and conflicts, and the Chinese labels.
/// </summary>
public sealed partial class EthicsPagesTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static async Task<string> PageAsync(HttpClient client, string url) => await (await client.GetAsync(url)).Content.ReadAsStringAsync();

    [Fact]
    public async Task The_workspace_lists_a_pending_review_for_the_secretary_and_shows_nothing_of_it_to_the_applicant()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.AwaitingMeeting, ReviewKind.Amendment);
        var decidedId = await s.ReviewAsync(ReviewStatus.Decided);

        using var secretary = await app.StudioClientAsync(s.SecretaryName);
        var workspace = await PageAsync(secretary, "/ethics");
        workspace.ShouldContain("data-testid=\"workspace-reviews\"");
        workspace.ShouldContain($"data-testid=\"review-{reviewId}\"");
        workspace.ShouldContain("Awaiting a meeting");
        workspace.ShouldContain("Amendment");
        workspace.ShouldContain("href=\"ethics/meetings\"");
        workspace.ShouldContain("href=\"ethics/letters\"");
        workspace.ShouldNotContain(decidedId.ToString(), customMessage: "a decided review is not pending");

        // The decided review's page shows the decision with its conditions, unsigned here (it was written directly).
        await s.InDbAsync(async db =>
        {
            db.EthicsDecisions.Add(new EthicsDecision(decidedId, s.ProjectId, EthicsOutcome.ApproveWithModifications, "Simplify section 4.", s.Chair.UserName,
                app.Clock.GetUtcNow(), app.Clock.GetUtcNow().AddMonths(12)));
            return await db.SaveChangesAsync();
        });
        var decided = await PageAsync(secretary, $"/ethics/reviews/{decidedId}");
        decided.ShouldContain("data-testid=\"review-outcome\"");
        decided.ShouldContain("Approved with modifications");
        decided.ShouldContain("Simplify section 4.");
        decided.ShouldContain("data-testid=\"decision-signature-none\"");
        decided.ShouldContain($"href=\"projects/{s.ProjectId}/ethics\"");

        using var applicant = await app.StudioClientAsync(s.ApplicantName);
        var refused = await PageAsync(applicant, "/ethics");
        refused.ShouldNotContain(reviewId.ToString());
        refused.ShouldNotContain("data-testid=\"workspace-reviews\"");
    }

    [Fact]
    public async Task The_review_page_shows_the_signed_opinion_intact_then_broken_after_the_assignment_changed()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var kit = new ReviewsKit(s);
        var (_, reviewId) = await kit.ApplyAsync();
        var (first, second) = (s.Seats[1], s.Seats[4]);
        await kit.CheckAsync("expedited", [first.UserName, second.UserName]);
        await kit.OpinionAsync(first, "approve-with-modifications", "Shorten the consent form.");

        using var secretary = await app.StudioClientAsync(s.SecretaryName);
        var page = await PageAsync(secretary, $"/ethics/reviews/{reviewId}");
        page.ShouldContain("In expedited review");
        page.ShouldContain("data-testid=\"review-document-protocol\"");
        page.ShouldContain($"href=\"api/documents/versions/{s.ProtocolVersionId}/content\"");
        page.ShouldContain($"data-testid=\"opinion-{first.UserName}\"");
        page.ShouldContain("Approve with modifications");
        page.ShouldContain("Shorten the consent form.");
        page.ShouldContain($"data-testid=\"checklist-{first.UserName}\"");
        page.ShouldContain($"data-testid=\"assignment-signature-{first.UserName}-intact\"");
        page.ShouldContain($"Signed by Test {first.UserName} ({first.UserName}) on ");
        page.ShouldContain("UTC: I give this opinion as primary reviewer");
        page.ShouldContain($"data-testid=\"assignment-signature-{second.UserName}-none\"", customMessage: "the second opinion is not given yet");
        page.ShouldContain("data-testid=\"review-suggestions\"");
        page.ShouldContain("data-testid=\"review-no-decision\"");

        // The second reviewer finds the opinion they owe in their workspace, linked to the task.
        using var reviewer = await app.StudioClientAsync(second.UserName);
        var mine = await PageAsync(reviewer, "/ethics");
        mine.ShouldContain("data-testid=\"workspace-mine\"");
        mine.ShouldContain("href=\"tasks/");

        await s.InDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.ReviewId == reviewId && a.MemberId == first.MemberId);
            assignment.OpinionText = "Tampered.";
            return await db.SaveChangesAsync();
        });
        page = await PageAsync(secretary, $"/ethics/reviews/{reviewId}");
        page.ShouldContain($"data-testid=\"assignment-signature-{first.UserName}-broken\"");
        page.ShouldNotContain($"data-testid=\"assignment-signature-{first.UserName}-intact\"");

        // An applicant of another project is told the review is not there; so is anyone for an id that is no review.
        var (_, strangerName) = await app.UserAsync("applicant");
        using var stranger = await app.StudioClientAsync(strangerName);
        var hidden = await PageAsync(stranger, $"/ethics/reviews/{reviewId}");
        hidden.ShouldContain("data-testid=\"review-not-found\"");
        hidden.ShouldNotContain("Shorten the consent form.");

        (await PageAsync(secretary, $"/ethics/reviews/{Guid.NewGuid()}")).ShouldContain("data-testid=\"review-not-found\"");
    }

    [Fact]
    public async Task The_committees_page_lists_the_committee_its_seats_and_a_declared_conflict()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await s.DeclareConflictAsync(s.Seats[2], "Investigator of a competing study");

        using var secretary = await app.StudioClientAsync(s.SecretaryName);
        var list = await PageAsync(secretary, "/ethics/committees");
        list.ShouldContain($"data-testid=\"committee-{s.CommitteeId}\"");
        list.ShouldContain("data-testid=\"committees-create\"");
        list.ShouldContain("a lay member");

        var committee = await PageAsync(secretary, $"/ethics/committees/{s.CommitteeId}");
        committee.ShouldContain($"data-testid=\"seat-{s.Seats[5].UserName}\"");
        committee.ShouldContain("Lay member");
        committee.ShouldContain("data-testid=\"seat-form\"");
        committee.ShouldContain($"data-testid=\"conflict-{s.Seats[2].UserName}\"");
        committee.ShouldContain("Investigator of a competing study");
        committee.ShouldContain($"data-testid=\"conflict-withdraw-{s.Seats[2].UserName}\"");

        // A member sees the board but manages no seat.
        using var member = await app.StudioClientAsync(s.Seats[1].UserName);
        var asMember = await PageAsync(member, $"/ethics/committees/{s.CommitteeId}");
        asMember.ShouldContain($"data-testid=\"seat-{s.Seats[5].UserName}\"");
        asMember.ShouldNotContain("data-testid=\"seat-form\"");
        asMember.ShouldNotContain($"data-testid=\"conflict-{s.Seats[2].UserName}\"", customMessage: "a member sees only their own conflicts");
    }

    [Fact]
    public async Task A_chinese_rendering_shows_the_chinese_labels()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.AwaitingMeeting);

        using var secretary = await app.StudioClientAsync(s.SecretaryName, "zh-CN");
        var workspace = await PageAsync(secretary, "/ethics");
        workspace.ShouldContain("伦理委员会工作台");
        workspace.ShouldContain("初始审查");
        workspace.ShouldContain("会议审查");
        workspace.ShouldContain("主审委员");

        var review = await PageAsync(secretary, $"/ethics/reviews/{reviewId}");
        review.ShouldContain("送审文件");
        review.ShouldContain("待会议审查");

        var committee = await PageAsync(secretary, $"/ethics/committees/{s.CommitteeId}");
        committee.ShouldContain("利益冲突");
        committee.ShouldContain("主任委员");
        committee.ShouldNotContain("Conflicts of interest");
    }
}
