using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Documents;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Amendments;

/// <summary>
/// A01 through the REST API: the applicant submits new versions with the amendment (the gate closes), the EC secretary
/// chooses the track, a primary reviewer's signed opinion and the chair's signed decision (P09) on the expedited track,
/// the full board's decision awaited by message on the other; an approved new consent version flags re-consent.
/// </summary>
public sealed class AmendmentProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static (string, string, byte[]) File(string code, string text) => (code, $"{code}-amended.pdf", DocumentTestData.Pdf(text));

    [Fact]
    public async Task An_expedited_amendment_of_protocol_and_consent_closes_the_gate_until_approved_and_flags_re_consent()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await GateKit.ApproveInitialAsync(s);
        (await GateKit.GateAsync(s.Applicant, s.ProjectId)).GetProperty("open").GetBoolean().ShouldBeTrue();

        var response = await GateKit.SubmitAmendmentAsync(s.Applicant, s.ProjectId, "New safety data on the liver", "Liver tests every visit; consent section 5",
            File("protocol", "protocol v2 " + s.ProjectId), File("icf", "icf v2 " + s.ProjectId));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var submitted = await response.ReadAsync<JsonElement>();
        var amendment = submitted.GetProperty("amendment");
        var reviewId = amendment.GetProperty("reviewId").GetGuid();
        var instanceId = submitted.GetProperty("instanceId").GetString()!;
        amendment.GetProperty("reference").GetString().ShouldBe("AM-1");
        var versions = amendment.GetProperty("versions").EnumerateArray().ToDictionary(v => v.GetProperty("code").GetString()!, v => v);
        versions["protocol"].GetProperty("number").GetInt32().ShouldBe(2);
        var newConsent = versions["icf"].GetProperty("versionId").GetGuid();

        // The new versions are the current ones and not approved: no subject may be enrolled on them.
        var closed = await GateKit.GateAsync(s.Pi, s.ProjectId);
        closed.GetProperty("open").GetBoolean().ShouldBeFalse();
        GateKit.Failing(closed).ShouldBe(["protocol-approved", "consent-approved"]);
        var review = await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().Include(r => r.Documents).SingleAsync(r => r.Id == reviewId));
        review.Kind.ShouldBe(ReviewKind.Amendment);
        review.Documents.Select(d => d.DocumentType).ShouldBe(["protocol", "icf"], ignoreOrder: true);
        (await s.InDbAsync(db => db.Notifications.CountAsync(n => n.RecipientUserName == s.SecretaryName && n.Template == "ethics-amendment-submitted")))
            .ShouldBe(1);

        // The applicant may not do the secretary's formal review.
        var formalTask = await EthicsScenario.FindTaskAsync(s.Secretary, instanceId, "formal-review");
        formalTask.ShouldNotBeNull();
        (await s.Applicant.PostAsJsonAsync($"/api/tasks/{formalTask}/complete", new { variables = new { track = "expedited" } })).IsSuccessStatusCode.ShouldBeFalse();
        (await s.CompleteAsync(s.Secretary, instanceId, "formal-review", new { track = "expedited", secretaryNotes = "Minor change" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().SingleAsync(r => r.Id == reviewId))).Status.ShouldBe(ReviewStatus.InExpeditedReview);

        // The primary reviewer's opinion is signed: without the password it is refused.
        var opinion = new { outcome = "approve", changesJustified = true, risksAcceptable = true, consentUpdated = true };
        await (await s.CompleteAsync(s.Seats[1].Client, instanceId, "opinion", opinion)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await s.CompleteAsync(s.Seats[1].Client, instanceId, "opinion", opinion, sign: true)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.InDbAsync(db => db.ElectronicSignatures.CountAsync(e => e.SignerUserName == s.Seats[1].UserName))).ShouldBe(1);

        // The chair signs the decision (P09); the amendment's process flags re-consent on the new consent version.
        var decide = await (await s.Admin.GetAsync($"/api/tasks?view=groups&businessKey={s.ProjectId}&elementId=sign-decision")).ReadAsync<JsonElement>();
        decide.GetProperty("items").GetArrayLength().ShouldBe(0, "the administrator holds no ec-chair role");
        var chairTasks = await (await s.Chair.Client.GetAsync($"/api/tasks?view=groups&businessKey={s.ProjectId}&elementId=sign-decision")).ReadAsync<JsonElement>();
        var signTask = chairTasks.GetProperty("items")[0].GetProperty("id").GetString();
        (await s.Chair.Client.PostAsJsonAsync($"/api/tasks/{signTask}/complete", new { variables = new { }, signature = new { password = app.UserPassword } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var instance = await GateKit.InstanceAsync(s, instanceId);
        instance.GetProperty("status").GetString().ShouldBe("Completed");
        instance.GetProperty("variables").GetProperty("reconsentFlagged").GetBoolean().ShouldBeTrue();
        var reconsent = await (await s.Pi.GetAsync($"/api/projects/{s.ProjectId}/ethics/reconsent")).ReadAsync<JsonElement>();
        var requirement = reconsent.EnumerateArray().ShouldHaveSingleItem();
        requirement.GetProperty("consentVersionId").GetGuid().ShouldBe(newConsent);
        requirement.GetProperty("consentVersionNumber").GetInt32().ShouldBe(2);
        requirement.GetProperty("reviewId").GetGuid().ShouldBe(reviewId);
        requirement.GetProperty("reason").GetString()!.ShouldContain("New safety data on the liver");

        var open = await GateKit.GateAsync(s.Applicant, s.ProjectId);
        open.GetProperty("open").GetBoolean().ShouldBeTrue();
        open.GetProperty("protocolVersionId").GetGuid().ShouldBe(versions["protocol"].GetProperty("versionId").GetGuid());
    }

    [Fact]
    public async Task A_full_board_amendment_waits_for_the_meeting_s_decision_and_a_protocol_only_change_flags_no_re_consent()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await GateKit.ApproveInitialAsync(s);
        var submitted = await (await GateKit.SubmitAmendmentAsync(s.Pi, s.ProjectId, "Add a study site", "Section 3: a second site",
            File("protocol", "protocol v2 site " + s.ProjectId))).ReadAsync<JsonElement>();
        var reviewId = submitted.GetProperty("amendment").GetProperty("reviewId").GetGuid();
        var instanceId = submitted.GetProperty("instanceId").GetString()!;
        GateKit.Failing(await GateKit.GateAsync(s.Pi, s.ProjectId)).ShouldBe(["protocol-approved"]);

        (await s.CompleteAsync(s.Secretary, instanceId, "formal-review", new { track = "full-board" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().SingleAsync(r => r.Id == reviewId))).Status.ShouldBe(ReviewStatus.AwaitingMeeting);
        (await GateKit.ActiveAsync(s, instanceId)).ShouldBe(["full-board-decided"]);

        // The meeting (P08) decides it and P09 records the decision; the decision's message lets A01 go on.
        var decisionId = await s.InDbAsync(async db =>
        {
            var review = await db.EthicsReviews.SingleAsync(r => r.Id == reviewId);
            review.MoveTo(ReviewStatus.OnAgenda, app.Clock.GetUtcNow());
            review.MoveTo(ReviewStatus.Decided, app.Clock.GetUtcNow());
            var decision = new EthicsDecision(reviewId, s.ProjectId, EthicsOutcome.Approve, null, s.Chair.UserName, app.Clock.GetUtcNow(), null);
            db.EthicsDecisions.Add(decision);
            await db.SaveChangesAsync();
            return decision.Id;
        });
        (await s.Admin.PostAsJsonAsync("/api/messages", new { name = "ethics-review-decided", correlationKey = reviewId.ToString(),
            variables = new { decisionId = decisionId.ToString() } })).IsSuccessStatusCode.ShouldBeTrue();

        var instance = await GateKit.InstanceAsync(s, instanceId);
        instance.GetProperty("status").GetString().ShouldBe("Completed");
        instance.GetProperty("variables").GetProperty("reconsentFlagged").GetBoolean().ShouldBeFalse();
        (await (await s.Pi.GetAsync($"/api/projects/{s.ProjectId}/ethics/reconsent")).ReadAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        (await GateKit.GateAsync(s.Pi, s.ProjectId)).GetProperty("open").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_amendment_without_a_new_version_or_from_someone_else_is_refused_and_nothing_is_saved()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await GateKit.ApproveInitialAsync(s);
        var versionsBefore = await s.InDbAsync(db => db.DocumentVersions.CountAsync());

        var noFile = await (await GateKit.SubmitAmendmentAsync(s.Applicant, s.ProjectId, "Reason", "Changes")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noFile.GetProperty("errors").TryGetProperty("files", out _).ShouldBeTrue();
        var noReason = await (await GateKit.SubmitAmendmentAsync(s.Applicant, s.ProjectId, null, "Changes", File("icf", "icf v2 " + s.ProjectId)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        // The same file as the current version is no new version.
        await (await GateKit.SubmitAmendmentAsync(s.Applicant, s.ProjectId, "Reason", "Changes", File("protocol", "protocol v1 " + s.ProjectId)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var (otherApplicant, _) = await app.UserAsync("applicant");
        await (await GateKit.SubmitAmendmentAsync(otherApplicant, s.ProjectId, "Reason", "Changes", File("icf", "icf v2 other " + s.ProjectId)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // A committee member reads the project's ethics file but does not submit for it.
        await (await GateKit.SubmitAmendmentAsync(s.Seats[1].Client, s.ProjectId, "Reason", "Changes", File("icf", "icf v2 member " + s.ProjectId)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await otherApplicant.GetAsync($"/api/projects/{s.ProjectId}/ethics/reconsent")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await s.InDbAsync(db => db.EthicsReviews.CountAsync(r => r.ProjectId == s.ProjectId && r.Kind == ReviewKind.Amendment))).ShouldBe(0);
        (await s.InDbAsync(db => db.DocumentVersions.CountAsync())).ShouldBe(versionsBefore);
        (await s.InDbAsync(db => db.RefusedAttempts.CountAsync(r => r.Path == $"/api/projects/{s.ProjectId}/ethics/amendments"))).ShouldBe(5);
        (await GateKit.GateAsync(s.Applicant, s.ProjectId)).GetProperty("open").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_study_without_an_ethics_application_cannot_be_amended()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var problem = await (await GateKit.SubmitAmendmentAsync(s.Applicant, s.ProjectId, "Reason", "Changes", File("icf", "icf v2 " + s.ProjectId)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("no ethics application");
    }
}
