using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Documents;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Reviews;

/// <summary>P05 and P06: the applicant's submission of the current protocol and consent, the secretary's formal review and its tracks.</summary>
public abstract class EthicsApplicationTests(CtmsAppFactory app)
{
    [Fact]
    public async Task A_submission_takes_the_current_protocol_and_consent_and_a_full_board_track_leaves_it_awaiting_the_meeting()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var kit = new ReviewsKit(s);
        var (instanceId, reviewId) = await kit.ApplyAsync();

        var row = await kit.RowAsync(reviewId);
        row.Kind.ShouldBe(ReviewKind.Initial);
        row.Status.ShouldBe(ReviewStatus.InFormalReview);
        row.CommitteeId.ShouldBe(s.CommitteeId);
        row.SubmittedBy.ShouldBe(s.ApplicantName);
        row.Documents.Select(d => (d.DocumentType, d.DocumentVersionId)).OrderBy(d => d.DocumentType)
            .ShouldBe([("icf", s.ConsentVersionId), ("protocol", s.ProtocolVersionId)]);
        (await DocumentTestData.NotificationAsync(app, s.SecretaryName, "ethics-review-submitted")).Subject.ShouldContain("Initial review");

        // The check is the EC secretary's: a member cannot complete it.
        (await kit.CompleteAsync(s.Seats[1].Client, ReviewsKit.P06, "check", new { formalReviewDecision = "full-board" }, owner: s.Secretary))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await kit.CheckAsync("full-board");

        row = await kit.RowAsync(reviewId);
        row.Status.ShouldBe(ReviewStatus.AwaitingMeeting);
        row.Track.ShouldBe(ReviewTrack.FullBoard);
        (await kit.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");

        // The applicant sees the status of their project's reviews; the workspace lists it as pending.
        var mine = await (await s.Applicant.GetAsync($"/api/projects/{s.ProjectId}/ethics/reviews")).ReadAsync<JsonElement>();
        mine.EnumerateArray().Single().GetProperty("status").GetString().ShouldBe("AwaitingMeeting");
        var pending = await (await s.Seats[2].Client.GetAsync($"/api/ethics/reviews?projectId={s.ProjectId}")).ReadAsync<JsonElement>();
        pending.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ShouldContain(reviewId);
    }

    [Fact]
    public async Task A_returned_submission_goes_back_to_the_applicant_and_returns_with_the_new_protocol_version()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var kit = new ReviewsKit(s);
        var (_, reviewId) = await kit.ApplyAsync();

        // Returning needs the comments.
        (await kit.CompleteAsync(s.Secretary, ReviewsKit.P06, "check", new { formalReviewDecision = "return" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await kit.CheckAsync("return", comments: "The ICF lacks the insurance clause.");
        (await kit.StatusAsync(reviewId)).ShouldBe("ReturnedForRevision");
        (await DocumentTestData.NotificationAsync(app, s.ApplicantName, "ethics-review-returned")).Body.ShouldContain("insurance clause");

        // The PI (not the submitter) has no revise task; protocol v2 is uploaded (by the CTI office: an approved project's documents are
        // locked for its applicant) and the applicant resubmits.
        (await kit.TaskAsync(s.Pi, ReviewsKit.P06, "revise")).ShouldBeNull();
        var upload = await DocumentTestData.UploadAsync(s.Admin, s.ProjectId, "protocol", "protocol-v2.pdf", DocumentTestData.Pdf("protocol v2 " + s.ProjectId));
        upload.StatusCode.ShouldBe(HttpStatusCode.Created);
        var v2 = (await upload.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await kit.CompletedAsync(s.Applicant, ReviewsKit.P06, "revise", new { revisionNote = "Protocol v2 with the insurance clause." });

        var row = await kit.RowAsync(reviewId);
        row.Status.ShouldBe(ReviewStatus.InFormalReview);
        row.Documents.Single(d => d.DocumentType == "protocol").DocumentVersionId.ShouldBe(v2);
        row.Documents.Single(d => d.DocumentType == "icf").DocumentVersionId.ShouldBe(s.ConsentVersionId);
        (await kit.TaskAsync(s.Secretary, ReviewsKit.P06, "check")).ShouldNotBeNull("back to the secretary's check");
    }

    [Fact]
    public async Task The_expedited_track_collects_each_reviewers_signed_opinion_and_the_chair_refers_to_the_full_board()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var kit = new ReviewsKit(s);
        var (_, reviewId) = await kit.ApplyAsync();
        var (first, second) = (s.Seats[1], s.Seats[4]);
        await kit.CheckAsync("expedited", [first.UserName, second.UserName]);

        var row = await kit.RowAsync(reviewId);
        row.Status.ShouldBe(ReviewStatus.InExpeditedReview);
        row.Track.ShouldBe(ReviewTrack.Expedited);
        row.Assignments.Select(a => a.MemberId).ShouldBe([first.MemberId, second.MemberId], ignoreOrder: true);

        // Only the assigned reviewers have an opinion task; it needs the password, a wrong one is refused and nothing recorded.
        (await kit.TaskAsync(s.Seats[2].Client, ReviewsKit.P07, "opinion")).ShouldBeNull();
        var unsigned = await kit.CompleteAsync(first.Client, ReviewsKit.P07, "opinion", ReviewsKit.Checklist("approve"));
        (await unsigned.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("signature.password", out _).ShouldBeTrue();
        var wrong = await kit.CompleteAsync(first.Client, ReviewsKit.P07, "opinion", ReviewsKit.Checklist("approve"), "wrong-password");
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("signature.password", out _).ShouldBeTrue();
        (await kit.RowAsync(reviewId)).Assignments.ShouldAllBe(a => a.Opinion == null);

        await kit.OpinionAsync(first, "approve");
        // The second reviewer's form starts empty: the first one's answers are not theirs.
        var secondTask = await kit.TaskAsync(second.Client, ReviewsKit.P07, "opinion");
        var form = await (await second.Client.GetAsync($"/api/tasks/{secondTask}")).ReadAsync<JsonElement>();
        form.GetRawText().ShouldNotContain("\"opinion\":\"approve\"");
        await kit.OpinionAsync(second, "approve-with-modifications", "Shorten the consent form.");

        var review = await kit.ReviewAsync(reviewId, s.Applicant);
        var opinions = review.GetProperty("assignments").EnumerateArray().ToList();
        opinions.Select(o => o.GetProperty("opinion").GetString()).ShouldBe(["Approve", "ApproveWithModifications"], ignoreOrder: true);
        foreach (var opinion in opinions)
        {
            var signature = opinion.GetProperty("signatures").EnumerateArray().Single();
            signature.GetProperty("intact").GetBoolean().ShouldBeTrue();
            signature.GetProperty("meaning").GetString().ShouldBe("I give this opinion as primary reviewer");
            opinion.GetProperty("checklist").GetProperty("riskBenefit").GetString().ShouldBe("yes");
        }
        var secondOpinion = opinions.Single(o => o.GetProperty("userName").GetString() == second.UserName);
        secondOpinion.GetProperty("signatures")[0].GetProperty("signerUserName").GetString().ShouldBe(second.UserName);

        // A changed opinion breaks its signature visibly.
        await s.InDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.ReviewId == reviewId && a.MemberId == second.MemberId);
            assignment.OpinionText = "Tampered.";
            return await db.SaveChangesAsync();
        });
        review = await kit.ReviewAsync(reviewId);
        review.GetProperty("assignments").EnumerateArray().Single(o => o.GetProperty("userName").GetString() == second.UserName)
            .GetProperty("signatures")[0].GetProperty("intact").GetBoolean().ShouldBeFalse();

        // The chair refers the review to the full board.
        (await kit.CompleteAsync(first.Client, ReviewsKit.P07, "chair", new { chairDecision = "refer" }, owner: s.Chair.Client)).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await kit.CompletedAsync(s.Chair.Client, ReviewsKit.P07, "chair", new { chairDecision = "refer", conditions = "Placebo arm needs the board." });
        var done = await kit.RowAsync(reviewId);
        done.Status.ShouldBe(ReviewStatus.AwaitingMeeting);
        done.Track.ShouldBe(ReviewTrack.FullBoard);
        (await s.InDbAsync(db => db.Set<ElectronicSignature>().CountAsync(x => x.RecordType == "ethics-opinion" && x.SignerUserName == first.UserName)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_submission_without_the_consent_form_is_refused_and_a_second_open_one_conflicts()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var kit = new ReviewsKit(s);

        // A study of its own without an ICF.
        var bare = await DocumentTestData.StudyAsync(app, Domain.Projects.TrialPhase.PhaseII);
        (await DocumentTestData.UploadAsync(bare.Applicant, bare.Id, "protocol", "p.pdf", DocumentTestData.Pdf("p " + bare.Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var missing = await bare.Applicant.PostAsJsonAsync("/api/process-instances",
            new { processId = ReviewsKit.P05, businessKey = bare.Id.ToString(), variables = new { projectId = bare.Id.ToString(), committeeId = s.CommitteeId.ToString(), summary = "x" } });
        var problem = await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("documents")[0].GetString()!.ShouldContain("informed consent form");
        (await s.InDbAsync(db => db.EthicsReviews.CountAsync(r => r.ProjectId == bare.Id))).ShouldBe(0);

        // Another project's applicant cannot submit this one.
        var other = await kit.StartAsync(bare.Applicant, ReviewsKit.P05, new { projectId = s.ProjectId.ToString(), summary = "x" });
        other.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await bare.Applicant.GetAsync($"/api/projects/{s.ProjectId}/ethics/reviews")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await kit.ApplyAsync();
        var second = await kit.StartAsync(s.Pi, ReviewsKit.P05, new { projectId = s.ProjectId.ToString(), committeeId = s.CommitteeId.ToString(), summary = "again" });
        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await s.InDbAsync(db => db.EthicsReviews.CountAsync(r => r.ProjectId == s.ProjectId))).ShouldBe(1);
    }

    [Fact]
    public async Task A_conflicted_member_is_never_suggested_and_assigning_one_or_a_non_member_is_refused()
    {
        var s = await EthicsScenario.CreateAsync(app, Domain.Projects.ProjectStatus.Approved);
        var kit = new ReviewsKit(s);
        var oncologist = s.Seats[1];
        await s.DeclareConflictAsync(oncologist, "Investigator of the sponsor's previous study");
        var (_, reviewId) = await kit.ApplyAsync();

        var suggestions = await (await s.Secretary.GetAsync($"/api/ethics/reviews/{reviewId}/reviewer-suggestions")).ReadAsync<JsonElement>();
        var names = suggestions.EnumerateArray().Select(x => x.GetProperty("userName").GetString()).ToList();
        names.ShouldNotContain(oncologist.UserName);
        names.Count.ShouldBe(5, "the chair, three members and the lay member; not the secretary");
        (await s.Applicant.GetAsync($"/api/ethics/reviews/{reviewId}/reviewer-suggestions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var conflicted = await kit.CompleteAsync(s.Secretary, ReviewsKit.P06, "check", new { formalReviewDecision = "expedited", reviewers = new[] { oncologist.UserName } });
        (await conflicted.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("previous study");
        var (_, outsider) = await app.UserAsync("ec-member");
        var stranger = await kit.CompleteAsync(s.Secretary, ReviewsKit.P06, "check", new { formalReviewDecision = "expedited", reviewers = new[] { outsider } });
        (await stranger.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("reviewers")[0].GetString()!.ShouldContain("no seat");

        var row = await kit.RowAsync(reviewId);
        row.Status.ShouldBe(ReviewStatus.InFormalReview, "both refusals left the review as it was");
        row.Assignments.ShouldBeEmpty();
        (await kit.TaskAsync(s.Secretary, ReviewsKit.P06, "check")).ShouldNotBeNull();
    }
}

public sealed class EthicsApplicationTests_Sqlite(SqliteAppFactory app) : EthicsApplicationTests(app), IClassFixture<SqliteAppFactory>;
