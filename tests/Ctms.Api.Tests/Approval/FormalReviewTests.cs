using System.Net;
using System.Net.Http.Json;
using Ctms.Api.Tests.Documents;

namespace Ctms.Api.Tests.Approval;

/// <summary>P02, the CTI secretary's formal review: accepted, or returned for revision (A06) and reviewed again.</summary>
public abstract class FormalReviewTests(CtmsAppFactory app)
{
    [Fact]
    public async Task Accepting_the_materials_hands_the_project_to_the_department()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId, _) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");

        var review = await flow.ReviewTaskAsync(projectId);
        var (otherSecretaryless, _) = await flow.OtherAsync("crc");
        (await ApprovalFlow.CompleteAsync(otherSecretaryless, review, new { reviewDecision = "accept" })).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        var invalid = await ApprovalFlow.CompleteAsync(flow.Secretary, review, new { reviewDecision = "maybe" });
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reviewDecision", out _).ShouldBeTrue();
        await flow.ReviewAsync(projectId, "accept");

        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingConfirmation");
        (await ApprovalFlow.FindTaskAsync(flow.Secretary, "groups", ApprovalFlow.P02, "review", projectId)).ShouldBeNull();
        (await ApprovalFlow.FindTaskAsync(flow.DeptHead, "groups", ApprovalFlow.P03, "department", projectId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_returned_application_goes_to_the_applicant_with_the_reason_and_comes_back_to_the_review()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId, protocol) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);

        // Returning without saying why is refused; the task stays open and the project where it was.
        var review = await flow.ReviewTaskAsync(projectId);
        await (await ApprovalFlow.CompleteAsync(flow.Secretary, review, new { reviewDecision = "return" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await flow.ReviewTaskAsync(projectId)).ShouldBe(review);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");

        // The secretary annotates the protocol's version on the documents page; the applicant gets the annotation with the reason.
        var documents = await (await flow.Secretary.GetAsync($"/api/projects/{projectId}/documents")).ReadAsync<List<DocumentBody>>();
        var protocolVersion = documents.Single(d => d.Code == "protocol").Versions.First().Id;
        (await flow.Secretary.PostAsJsonAsync($"/api/documents/versions/{protocolVersion}/annotations", new { text = "Section 7 contradicts the ICF.", page = 12 }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        await flow.ReviewAsync(projectId, "return", "The ICF lacks the insurance clause.");
        (await flow.StatusAsync(projectId)).ShouldBe("ReturnedForRevision");
        (await flow.StatusTrailAsync(projectId)).ShouldContain(("ReturnedForRevision", flow.SecretaryName, "The ICF lacks the insurance clause."));
        (await flow.NotificationsAsync(projectId)).ShouldContain(n => n.To == flow.ApplicantName && n.Template == "project-returned"
                                                                      && n.Subject.Contains(protocol) && n.Body.Contains("insurance clause")
                                                                      && n.Body.Contains("page 12: Section 7 contradicts the ICF."));
        (await ApprovalFlow.FindTaskAsync(flow.Secretary, "groups", ApprovalFlow.P02, "review", projectId)).ShouldBeNull();

        await flow.ReviseAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview", "resubmitted, the review starts again");
        await flow.ReviewAsync(projectId, "accept");
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingConfirmation");
    }
}

public sealed class FormalReviewTests_Sqlite(SqliteAppFactory app) : FormalReviewTests(app), IClassFixture<SqliteAppFactory>;
