using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Api.Tests.Ethics.Letters;
using Ctms.Api.Tests.Ethics.Meetings;
using Ctms.Api.Tests.Ethics.Reviews;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Walk;

/// <summary>
/// Issue 7's walk: an approved study's ethics application goes through P05-P09 on the full-board track, each step by the
/// role that owns it, through the REST API: the applicant submits the current protocol and consent (P05), the EC
/// secretary's formal review sends it to the full board (P06), the meeting (P08) seats five of the six voting members
/// with one recused for a conflict of interest, the majority is reached before the last vote (whose task is cancelled
/// and recorded so), the chair signs the decision (P09), the letter with the signature's manifestation is stored with
/// the project's documents, and the ethics gate that was closed to enrollment opens; the continuing review (P14) is
/// scheduled from the approval.
/// </summary>
public abstract class EthicsWalkTests(CtmsAppFactory app)
{
    [Fact]
    public async Task A_full_board_review_with_five_members_one_recused_is_decided_by_majority_before_the_last_vote_signed_lettered_and_opens_enrollment()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var gate = await GateKit.GateAsync(s.Pi, s.ProjectId);
        gate.GetProperty("open").GetBoolean().ShouldBeFalse();
        GateKit.Failing(gate).ShouldContain("protocol-approved");

        // P05-P06: the applicant submits; the secretary's formal review sends the application to the full board.
        var reviews = new ReviewsKit(s);
        var (_, reviewId) = await reviews.ApplyAsync();
        await reviews.CheckAsync("full-board");
        (await reviews.StatusAsync(reviewId)).ShouldBe("AwaitingMeeting");

        // P08: a member declared a conflict with the study; the secretary schedules the meeting, whose agenda takes the review.
        var recused = s.Seats[2];
        await s.DeclareConflictAsync(recused, "Sub-investigator of the study");
        var meeting = await new MeetingKit(s).ScheduleAndStartAsync();
        var itemId = (await meeting.ItemAsync(reviewId)).GetProperty("id").GetGuid();
        await meeting.PresentAsync(s.Chair, s.Seats[1], recused, s.Seats[4], s.Seats[5]);
        (await meeting.OpenAsync()).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await EthicsScenario.FindTaskAsync(recused.Client, meeting.InstanceId, "Task_castVote")).ShouldBeNull("the recused member gets no vote");
        (await (await meeting.VoteByRestAsync(recused.Client, itemId, "disapprove")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("detail").GetString()!.ShouldContain("recused");

        // Four voters: three approvals settle it; the fourth vote, still open, is cancelled and recorded so.
        (await meeting.VoteAsync(s.Chair, "approve")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await meeting.VoteAsync(s.Seats[1], "approve", "Sound design.")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await EthicsScenario.FindTaskAsync(s.Seats[4].Client, meeting.InstanceId, "Task_castVote")).ShouldNotBeNull();
        (await meeting.VoteAsync(s.Seats[5], "approve")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await EthicsScenario.FindTaskAsync(s.Seats[4].Client, meeting.InstanceId, "Task_castVote")).ShouldBeNull("the outcome was decided before the last vote");
        var item = await meeting.ItemAsync(reviewId);
        item.GetProperty("outcome").GetString().ShouldBe("Approve");
        item.GetProperty("votes").EnumerateArray().Select(v => (v.GetProperty("userName").GetString(), v.GetProperty("status").GetString()))
            .ShouldBe([(s.Chair.UserName, "Cast"), (s.Seats[1].UserName, "Cast"), (s.Seats[5].UserName, "Cast"), (s.Seats[4].UserName, "Cancelled")],
                ignoreOrder: true);
        var minutesTask = await EthicsScenario.FindTaskAsync(s.Secretary, meeting.InstanceId, "Task_editMinutes");
        var draft = (await (await s.Secretary.GetAsync($"/api/tasks/{minutesTask}/form")).ReadAsync<JsonElement>()).GetProperty("data").GetProperty("minutes").GetString()!;
        draft.ShouldContain($"Vote of Dr. {s.Seats[4].UserName}: cancelled");
        (await s.CompleteAsync(s.Secretary, meeting.InstanceId, "Task_editMinutes", new { minutes = draft })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // P09: a member cannot sign the committee's decision; the chair signs it with the password.
        var signTask = (await (await s.Chair.Client.GetAsync($"/api/tasks?view=groups&processId=P09-ethics-decision&businessKey={meeting.MeetingId}"))
            .ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString();
        (await s.Seats[1].Client.PostAsJsonAsync($"/api/tasks/{signTask}/complete", new { variables = new { }, signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await s.Chair.Client.PostAsJsonAsync($"/api/tasks/{signTask}/complete", new { variables = new { }, signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The decision is recorded and signed; the applicant reads it with its intact signature and downloads the letter.
        var decisions = await LettersKit.DecisionsAsync(s.Applicant, s.ProjectId);
        var decision = decisions.EnumerateArray().ShouldHaveSingleItem();
        decision.GetProperty("outcome").GetString().ShouldBe("approve");
        var signature = decision.GetProperty("signatures").EnumerateArray().ShouldHaveSingleItem();
        signature.GetProperty("signerUserName").GetString().ShouldBe(s.Chair.UserName);
        signature.GetProperty("intact").GetBoolean().ShouldBeTrue();
        var decisionId = decision.GetProperty("id").GetGuid();
        var letter = await LettersKit.LetterTextAsync(s.Applicant, decisionId);
        letter.ShouldContain($"Signed by Test {s.Chair.UserName} ({s.Chair.UserName})");
        letter.ShouldContain("I sign this decision on behalf of the ethics committee");
        foreach (var (fileName, sha256) in await LettersKit.ReviewedDocumentsAsync(s))
        {
            letter.ShouldContain(fileName);
            letter.ShouldContain(sha256);
        }
        (await s.InDbAsync(db => db.EthicsReviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync())).ShouldBe(ReviewStatus.Decided);

        // Enrollment is unblocked: the gate is open and the domain's enrollment rule lets it pass.
        var open = await GateKit.GateAsync(s.Pi, s.ProjectId);
        open.GetProperty("open").GetBoolean().ShouldBeTrue(open.GetRawText());
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<IEnrollmentGate>().EnsureOpenAsync(s.ProjectId, app.Clock.GetUtcNow());
        }

        // The approval scheduled its continuing review (P14) for the project, due when the approval lapses.
        var cycle = await s.InDbAsync(db => db.ContinuingReviewCycles.AsNoTracking().SingleAsync(c => c.ApprovalDecisionId == decisionId));
        cycle.DueAt.ShouldBe(decision.GetProperty("validUntil").GetDateTimeOffset());
        var continuing = await (await s.Admin.GetAsync($"/api/process-instances?processId=P14-continuing-review&businessKey={s.ProjectId}&status=running"))
            .ReadAsync<JsonElement>();
        continuing.GetProperty("items").GetArrayLength().ShouldBe(1);
    }
}

public sealed class EthicsWalkTests_Sqlite(SqliteAppFactory app) : EthicsWalkTests(app), IClassFixture<SqliteAppFactory>;

public sealed class EthicsWalkTests_Postgres(PostgresAppFactory app) : EthicsWalkTests(app), IClassFixture<PostgresAppFactory>;
