using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics.Letters;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Decisions;

/// <summary>
/// P09 to its end: the chair's signed decision, the letter rendered from the outcome's template into a DOCX stored as a
/// version of the project's document, read back with the outcome, the conditions, the documents and the chair's signature
/// manifestation, and the applicant and the PI notified with a link to the project's ethics page. A wrong password and
/// anyone but the committee's chair leave no decision, no letter and the task open.
/// </summary>
public sealed class EthicsLetterProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private const string Meaning = "I sign this decision on behalf of the ethics committee";

    private static async Task<string> StartAsync(EthicsScenario s, Guid reviewId, string outcome, string? conditions = null) =>
        (await (await s.Admin.PostAsJsonAsync("/api/process-instances", new
        {
            processId = "P09-ethics-decision",
            businessKey = s.ProjectId.ToString(),
            variables = new { reviewId = reviewId.ToString(), projectId = s.ProjectId.ToString(), outcome, conditions },
        })).ReadAsync<JsonElement>()).GetProperty("id").GetString()!;

    [Fact]
    public async Task The_chairs_signed_decision_gets_its_letter_stored_with_the_projects_documents_and_sent_to_the_applicant_and_the_PI()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.OnAgenda);
        const string conditions = "Add the pharmacy's telephone number to section 7 of the consent form.";
        var instanceId = await StartAsync(s, reviewId, "approve-with-modifications", conditions);

        (await s.CompleteAsync(s.Chair.Client, instanceId, "sign-decision", new { conditions }, sign: true)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var decision = await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == reviewId));
        decision.Outcome.ShouldBe(EthicsOutcome.ApproveWithModifications);
        decision.LetterDocumentVersionId.ShouldNotBeNull();
        var version = await s.InDbAsync(async db => await (from v in db.DocumentVersions.AsNoTracking()
                                                           join d in db.ProjectDocuments.AsNoTracking() on v.DocumentId equals d.Id
                                                           where v.Id == decision.LetterDocumentVersionId
                                                           select new { d.ProjectId, d.Code, v.Number, v.FileName, v.ContentType, v.UploadedBy }).SingleAsync());
        version.ProjectId.ShouldBe(s.ProjectId);
        version.Code.ShouldBe("ethics-letter");
        version.Number.ShouldBe(1);
        version.FileName.ShouldEndWith("-approve-with-modifications.en.docx");
        version.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        version.UploadedBy.ShouldBe(s.Chair.UserName);

        // The letter as the applicant downloads it, through the project's documents too.
        var text = await LettersKit.LetterTextAsync(s.Applicant, decision.Id);
        text.ShouldContain("Decision: APPROVED WITH MODIFICATIONS.");
        text.ShouldContain(conditions);
        text.ShouldContain($"valid until {decision.ValidUntil!.Value.UtcDateTime:yyyy-MM-dd}");
        foreach (var (fileName, sha256) in await LettersKit.ReviewedDocumentsAsync(s))
        {
            text.ShouldContain($"| {fileName} | 1 | {sha256}");
        }
        text.ShouldContain($"Signed by Test {s.Chair.UserName} ({s.Chair.UserName}) on {decision.DecidedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {Meaning}");
        (await s.Applicant.GetAsync($"/api/documents/versions/{decision.LetterDocumentVersionId}/content")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = (await LettersKit.DecisionsAsync(s.Pi, s.ProjectId)).EnumerateArray().Single();
        listed.GetProperty("outcome").GetString().ShouldBe("approve-with-modifications");
        listed.GetProperty("intact").GetBoolean().ShouldBeTrue();
        listed.GetProperty("letter").GetProperty("versionId").GetGuid().ShouldBe(decision.LetterDocumentVersionId!.Value);

        var notified = await s.InDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Template == "ethics-decision-letter" && n.ProjectId == s.ProjectId)
            .Select(n => new { n.RecipientUserName, n.Subject, n.Body, n.Link }).ToListAsync());
        notified.Select(n => n.RecipientUserName).Order().ShouldBe(new[] { s.ApplicantName, s.PiName }.Order());
        notified.ShouldAllBe(n => n.Link == $"/projects/{s.ProjectId}/ethics" && n.Body.Contains(version.FileName));
        (await (await s.Admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task A_wrong_password_signs_nothing_renders_no_letter_counts_toward_lockout_and_leaves_the_task_open()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.OnAgenda);
        var instanceId = await StartAsync(s, reviewId, "approve");
        var taskId = await EthicsScenario.FindTaskAsync(s.Chair.Client, instanceId, "sign-decision") ?? throw new ShouldAssertException("no task");

        var problem = await (await s.Chair.Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { variables = new { }, signature = new { password = "not-my-password" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("signature.password")[0].GetString()!.ShouldContain("The password is not correct");

        (await s.InDbAsync(db => db.EthicsDecisions.CountAsync(d => d.ReviewId == reviewId))).ShouldBe(0);
        (await s.InDbAsync(db => db.ProjectDocuments.CountAsync(d => d.ProjectId == s.ProjectId && d.Code == "ethics-letter"))).ShouldBe(0);
        (await s.InDbAsync(db => db.Users.Where(u => u.UserName == s.Chair.UserName).Select(u => u.AccessFailedCount).SingleAsync())).ShouldBe(1);
        (await EthicsScenario.FindTaskAsync(s.Chair.Client, instanceId, "sign-decision")).ShouldBe(taskId);
    }

    [Fact]
    public async Task Only_the_committees_chair_signs_members_and_the_secretary_are_refused()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.OnAgenda);
        var instanceId = await StartAsync(s, reviewId, "disapprove", "The risk to the subjects is not justified.");
        var taskId = await EthicsScenario.FindTaskAsync(s.Chair.Client, instanceId, "sign-decision") ?? throw new ShouldAssertException("no task");

        (await EthicsScenario.FindTaskAsync(s.Seats[1].Client, instanceId, "sign-decision")).ShouldBeNull();
        foreach (var other in new[] { s.Seats[1].Client, s.Secretary, s.Applicant })
        {
            var refused = await other.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
                new { variables = new { conditions = "x" }, signature = new { password = app.UserPassword } });
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }
        (await s.InDbAsync(db => db.EthicsDecisions.CountAsync(d => d.ReviewId == reviewId))).ShouldBe(0);

        (await s.CompleteAsync(s.Chair.Client, instanceId, "sign-decision", new { conditions = "The risk to the subjects is not justified." }, sign: true))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var decision = await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == reviewId));
        (await LettersKit.LetterTextAsync(s.Applicant, decision.Id)).ShouldContain("Decision: DISAPPROVED.");
    }
}
