using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Ethics.Meetings;

/// <summary>
/// P08 through the REST API: the secretary opens the meeting (refused below quorum), conflicted members are recused,
/// each present member casts a signed vote from the inbox, the outcome is settled by majority before the last vote
/// (whose task is cancelled and recorded so), the minutes are drafted and the meeting closes; refused votes are audited.
/// </summary>
public sealed class MeetingProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Five_members_with_one_recused_reach_the_outcome_by_majority_before_the_last_vote_and_the_meeting_closes_with_its_minutes()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.AwaitingMeeting);
        var conflicted = s.Seats[2];
        await s.DeclareConflictAsync(conflicted, "Investigator of the study");
        var kit = await new MeetingKit(s).ScheduleAndStartAsync();

        // The agenda took the review waiting for a full board.
        var item = await kit.ItemAsync(reviewId);
        var itemId = item.GetProperty("id").GetGuid();
        item.GetProperty("status").GetString().ShouldBe("Pending");
        (await s.InDbAsync(db => db.EthicsReviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync())).ShouldBe(ReviewStatus.OnAgenda);

        // A member cannot open the meeting; the secretary can, with five of six voting members present.
        (await EthicsScenario.FindTaskAsync(s.Chair.Client, kit.InstanceId, "Task_openMeeting")).ShouldBeNull();
        await kit.PresentAsync(s.Seats[0], s.Seats[1], s.Seats[2], s.Seats[4], s.Seats[5]);
        (await kit.OpenAsync()).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var open = await kit.MeetingAsync(s.Chair.Client);
        open.GetProperty("status").GetString().ShouldBe("InSession");
        open.GetProperty("quorumMet").GetBoolean().ShouldBeTrue();
        var recusal = open.GetProperty("items")[0].GetProperty("recusals").EnumerateArray().Single();
        recusal.GetProperty("memberId").GetGuid().ShouldBe(conflicted.MemberId);
        recusal.GetProperty("reason").GetString()!.ShouldContain("Investigator of the study");

        // One vote task per present, non-recused voting member; none for the recused member or the absent one.
        foreach (var voter in new[] { s.Seats[0], s.Seats[1], s.Seats[4], s.Seats[5] })
        {
            (await EthicsScenario.FindTaskAsync(voter.Client, kit.InstanceId, "Task_castVote")).ShouldNotBeNull(voter.UserName);
        }
        (await EthicsScenario.FindTaskAsync(conflicted.Client, kit.InstanceId, "Task_castVote")).ShouldBeNull();
        (await EthicsScenario.FindTaskAsync(s.Seats[3].Client, kit.InstanceId, "Task_castVote")).ShouldBeNull();

        // The recused member and a non-member are refused with the reason; so is a vote without the right password.
        (await (await kit.VoteByRestAsync(conflicted.Client, itemId, "disapprove")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("detail").GetString()!.ShouldContain("recused");
        (await (await kit.VoteByRestAsync(s.Outsider, itemId, "approve")).ShouldBeProblemAsync(HttpStatusCode.Forbidden))
            .GetProperty("detail").GetString()!.ShouldContain("no voting seat");
        var wrong = await (await kit.VoteByRestAsync(s.Chair.Client, itemId, "approve", password: "not-the-password")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").GetProperty("signature.password")[0].GetString()!.ShouldContain("not correct");
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
            (await users.GetAccessFailedCountAsync((await users.FindByNameAsync(s.Chair.UserName))!)).ShouldBe(1);
        }
        (await s.InDbAsync(db => db.EthicsVotes.CountAsync(v => v.ItemId == itemId))).ShouldBe(0, "nothing was saved");

        // The chair votes through REST, two members from their inbox; the third approval settles it (3 of 4 voters).
        var chairVote = await (await kit.VoteByRestAsync(s.Chair.Client, itemId, "approve")).ReadAsync<JsonElement>();
        chairVote.GetProperty("option").GetString().ShouldBe("Approve");
        chairVote.GetProperty("signatures")[0].GetProperty("meaning").GetString().ShouldBe("I cast this vote");
        (await (await kit.VoteByRestAsync(s.Chair.Client, itemId, "approve")).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("already voted");
        (await kit.VoteAsync(s.Seats[1], "approve", "Clear protocol.")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.ActiveElementsAsync()).ShouldContain("Task_castVote", "two approvals of four voters settle nothing yet");
        (await kit.VoteAsync(s.Seats[5], "approve")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Settled before the last vote: the fourth voter's task is gone and their vote recorded as cancelled.
        (await EthicsScenario.FindTaskAsync(s.Seats[4].Client, kit.InstanceId, "Task_castVote")).ShouldBeNull();
        (await kit.ActiveElementsAsync()).ShouldBe(["Task_editMinutes"]);
        var decided = await kit.ItemAsync(reviewId);
        decided.GetProperty("status").GetString().ShouldBe("Decided");
        decided.GetProperty("outcome").GetString().ShouldBe("Approve");
        var votes = decided.GetProperty("votes").EnumerateArray().ToList();
        votes.Count.ShouldBe(4);
        votes.Where(v => v.GetProperty("status").GetString() == "Cast").Select(v => v.GetProperty("userName").GetString())
            .ShouldBe([s.Chair.UserName, s.Seats[1].UserName, s.Seats[5].UserName], ignoreOrder: true);
        var cancelled = votes.Single(v => v.GetProperty("status").GetString() == "Cancelled");
        cancelled.GetProperty("userName").GetString().ShouldBe(s.Seats[4].UserName);
        cancelled.GetProperty("signatures").GetArrayLength().ShouldBe(0);
        foreach (var cast in votes.Where(v => v.GetProperty("status").GetString() == "Cast"))
        {
            var signature = cast.GetProperty("signatures").EnumerateArray().Single();
            signature.GetProperty("intact").GetBoolean().ShouldBeTrue();
            signature.GetProperty("signerUserName").GetString().ShouldBe(cast.GetProperty("userName").GetString());
        }

        // The minutes draft names attendance, the recusal, each vote (the cancelled one too) and the outcome.
        var minutesTask = await EthicsScenario.FindTaskAsync(s.Secretary, kit.InstanceId, "Task_editMinutes");
        var form = await (await s.Secretary.GetAsync($"/api/tasks/{minutesTask}/form")).ReadAsync<JsonElement>();
        var draft = form.GetProperty("data").GetProperty("minutes").GetString()!;
        draft.ShouldContain($"Recused: Dr. {conflicted.UserName} (Declared conflict of interest: Investigator of the study)");
        draft.ShouldContain($"Vote of Dr. {s.Seats[1].UserName}: approve (Clear protocol.)");
        draft.ShouldContain($"Vote of Dr. {s.Seats[4].UserName}: cancelled");
        draft.ShouldContain("Outcome: approve");
        draft.ShouldContain($"Absent: Dr. {s.Seats[3].UserName}");
        (await s.CompleteAsync(s.Secretary, kit.InstanceId, "Task_editMinutes", new { minutes = draft + "\nThe chair closed the meeting at 11:00." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var closed = await kit.MeetingAsync();
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("minutes").GetString()!.ShouldEndWith("The chair closed the meeting at 11:00.");

        // The decided item goes to the chair's signed decision (P09, called with the meeting's id as business key).
        var decisionTask = (await (await s.Chair.Client.GetAsync($"/api/tasks?view=groups&processId=P09-ethics-decision&elementId=sign-decision&businessKey={kit.MeetingId}"))
            .ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        var signed = await s.Chair.Client.PostAsJsonAsync($"/api/tasks/{decisionTask.GetProperty("id").GetString()}/complete",
            new { variables = new { conditions = (string?)null }, signature = new { password = app.UserPassword } });
        signed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await signed.Content.ReadAsStringAsync());
        var decision = await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == reviewId));
        decision.Outcome.ShouldBe(EthicsOutcome.Approve);
        decision.DecidedBy.ShouldBe(s.Chair.UserName);
        (await s.InDbAsync(db => db.EthicsReviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync())).ShouldBe(ReviewStatus.Decided);
        (await (await s.Admin.GetAsync($"/api/process-instances/{kit.InstanceId}")).ReadAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Completed");

        // After closing, a vote is refused (the cancelled voter tries): audited with the others.
        (await (await kit.VoteByRestAsync(s.Seats[4].Client, itemId, "disapprove")).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("closed");
        var refusals = await kit.RefusalsAsync($"/api/ethics/meetings/{kit.MeetingId}/items/{itemId}/votes");
        refusals.Select(r => r.Status).ShouldBe([403, 403, 400, 409, 409], ignoreOrder: true);

        // A stored vote changed behind the system's back shows its signature broken.
        await s.InDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE ethics_votes SET \"Comment\" = 'changed' WHERE \"ItemId\" = {itemId} AND \"MemberId\" = {s.Seats[1].MemberId}"));
        var tampered = (await kit.ItemAsync(reviewId)).GetProperty("votes").EnumerateArray().Single(v => v.GetProperty("userName").GetString() == s.Seats[1].UserName);
        tampered.GetProperty("signatures")[0].GetProperty("intact").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_meeting_below_quorum_is_refused_with_the_rules_that_failed_until_late_arrivals_are_recorded()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await s.ReviewAsync(ReviewStatus.AwaitingMeeting);
        var kit = await new MeetingKit(s).ScheduleAndStartAsync();
        // Three affiliated members, no lay member.
        await kit.PresentAsync(s.Seats[0], s.Seats[1], s.Seats[2]);
        var taskId = await EthicsScenario.FindTaskAsync(s.Secretary, kit.InstanceId, "Task_openMeeting");
        var refused = await (await kit.OpenAsync()).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var detail = refused.GetProperty("detail").GetString()!;
        detail.ShouldContain("below quorum");
        detail.ShouldContain("More than half of the 6 voting members must be present; 3 are.");
        detail.ShouldContain("A lay member must be present.");
        detail.ShouldContain("A member not affiliated with the hospital must be present.");
        (await kit.RefusalsAsync($"/api/tasks/{taskId}/complete")).ShouldHaveSingleItem().Status.ShouldBe(409);
        var meeting = await kit.MeetingAsync();
        meeting.GetProperty("status").GetString().ShouldBe("Planned");
        meeting.GetProperty("quorumFailures").GetArrayLength().ShouldBe(4);
        (await kit.ActiveElementsAsync()).ShouldBe(["Task_openMeeting"]);

        // The lay member and a non-affiliated member arrive late: the meeting opens.
        await kit.PresentAsync(s.Seats[4], s.Seats[5]);
        (await kit.MeetingAsync()).GetProperty("quorumFailures").GetArrayLength().ShouldBe(0);
        (await kit.OpenAsync()).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.MeetingAsync()).GetProperty("status").GetString().ShouldBe("InSession");
        (await kit.ActiveElementsAsync()).ShouldContain("Task_castVote");
    }

    [Fact]
    public async Task Without_a_majority_the_item_is_deferred_and_its_review_awaits_the_next_meeting()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.AwaitingMeeting);
        var kit = await new MeetingKit(s).ScheduleAndStartAsync();
        await kit.PresentAsync(s.Seats[0], s.Seats[1], s.Seats[2], s.Seats[4], s.Seats[5]);
        (await kit.OpenAsync()).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // Five voters, three needed: 2 approve, 2 revise and resubmit, 1 abstains.
        (await kit.VoteAsync(s.Seats[0], "approve")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.VoteAsync(s.Seats[1], "revise-and-resubmit", "Sample size unjustified.")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.VoteAsync(s.Seats[2], "approve")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.VoteAsync(s.Seats[4], "revise-and-resubmit")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.ActiveElementsAsync()).ShouldContain("Task_castVote", "the last voter can still settle it");
        (await kit.VoteAsync(s.Seats[5], "abstain")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var item = await kit.ItemAsync(reviewId);
        item.GetProperty("status").GetString().ShouldBe("Deferred");
        item.GetProperty("outcome").ValueKind.ShouldBe(JsonValueKind.Null);
        item.GetProperty("votes").EnumerateArray().Count(v => v.GetProperty("status").GetString() == "Cast").ShouldBe(5);
        (await s.InDbAsync(db => db.EthicsReviews.Where(r => r.Id == reviewId).Select(r => r.Status).SingleAsync())).ShouldBe(ReviewStatus.AwaitingMeeting);

        // Nothing to decide: closing the meeting ends the process.
        (await s.CompleteAsync(s.Secretary, kit.InstanceId, "Task_editMinutes", new { minutes = "No majority; deferred." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var instance = await (await s.Admin.GetAsync($"/api/process-instances/{kit.InstanceId}")).ReadAsync<JsonElement>();
        instance.GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task The_secretary_arranges_the_agenda_and_only_the_committee_sees_its_meetings()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var first = await s.ReviewAsync(ReviewStatus.AwaitingMeeting);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await s.ReviewAsync(ReviewStatus.AwaitingMeeting, ReviewKind.Amendment);

        // The secretary may schedule for the committee, a member may not.
        (await (await s.Secretary.GetAsync("/api/ethics/meetings/committees")).ReadAsync<JsonElement>()).EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).ShouldBe([s.CommitteeId]);
        (await (await s.Chair.Client.GetAsync("/api/ethics/meetings/committees")).ReadAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        // A member may not schedule; the secretary does, and P08 builds the agenda, the longest waiting first.
        (await s.Chair.Client.PostAsJsonAsync("/api/ethics/meetings", new { committeeId = s.CommitteeId, scheduledAt = app.Clock.GetUtcNow().AddDays(1) }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var kit = await new MeetingKit(s).ScheduleAndStartAsync();
        var items = (await kit.MeetingAsync()).GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("reviewId").GetGuid()).ShouldBe([first, second]);
        var secondItem = items[1].GetProperty("id").GetGuid();

        // Moved to the top, then the first one deferred: it awaits the next meeting.
        var moved = await (await s.Secretary.PutAsJsonAsync($"/api/ethics/meetings/{kit.MeetingId}/agenda/{secondItem}", new { position = 1 })).ReadAsync<JsonElement>();
        moved.GetProperty("items").EnumerateArray().OrderBy(i => i.GetProperty("position").GetInt32()).Select(i => i.GetProperty("reviewId").GetGuid())
            .ShouldBe([second, first]);
        var firstItem = items[0].GetProperty("id").GetGuid();
        (await s.Secretary.PutAsJsonAsync($"/api/ethics/meetings/{kit.MeetingId}/agenda/{firstItem}", new { defer = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await kit.ItemAsync(first)).GetProperty("status").GetString().ShouldBe("Deferred");
        (await s.InDbAsync(db => db.EthicsReviews.Where(r => r.Id == first).Select(r => r.Status).SingleAsync())).ShouldBe(ReviewStatus.AwaitingMeeting);
        (await s.Chair.Client.PutAsJsonAsync($"/api/ethics/meetings/{kit.MeetingId}/agenda/{secondItem}", new { position = 2 }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Members of the committee see the meeting in their list; a member of no seat neither lists nor reads it.
        var listed = await (await s.Seats[3].Client.GetAsync("/api/ethics/meetings")).ReadAsync<JsonElement>();
        listed.EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldContain(kit.MeetingId);
        (await (await s.Outsider.GetAsync("/api/ethics/meetings")).ReadAsync<JsonElement>()).EnumerateArray()
            .Select(m => m.GetProperty("id").GetGuid()).ShouldNotContain(kit.MeetingId);
        (await s.Outsider.GetAsync($"/api/ethics/meetings/{kit.MeetingId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Only the deferred review's sibling is voted on, and a recusal declared at the meeting is honoured.
        (await s.Secretary.PostAsJsonAsync($"/api/ethics/meetings/{kit.MeetingId}/items/{secondItem}/recusals",
            new { memberId = s.Seats[1].MemberId, reason = "Co-author of the amendment" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await kit.PresentAsync([.. s.Seats]);
        (await kit.OpenAsync()).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await EthicsScenario.FindTaskAsync(s.Seats[1].Client, kit.InstanceId, "Task_castVote")).ShouldBeNull();
        (await EthicsScenario.FindTaskAsync(s.Seats[3].Client, kit.InstanceId, "Task_castVote")).ShouldNotBeNull();
        (await s.Secretary.PutAsJsonAsync($"/api/ethics/meetings/{kit.MeetingId}/items/{secondItem}/notes", new { notes = "The amendment adds a PK sub-study." }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await kit.ItemAsync(second)).GetProperty("discussionNotes").GetString().ShouldBe("The amendment adds a PK sub-study.");
    }
}
