using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Approval;

/// <summary>P01 end to end through the REST API: each step done by the role that owns it and refused to the others.</summary>
public abstract class ProjectApplicationTests(CtmsAppFactory app)
{
    [Fact]
    public async Task An_application_walks_P01_to_P04_each_step_by_its_role_and_ends_approved_and_visible_to_the_ethics_committee()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (other, _) = await flow.OtherAsync("applicant");
        var (instanceId, projectId, protocol) = await flow.ApplyAsync();

        var project = await flow.ProjectAsync(projectId);
        project.GetProperty("status").GetString().ShouldBe("Draft");
        project.GetProperty("applicantUserName").GetString().ShouldBe(flow.ApplicantName);
        project.GetProperty("piUserName").GetString().ShouldBe(flow.PiName);
        (await (await flow.EcSecretary.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>())
            .ShouldNotContain(p => p.GetProperty("id").GetGuid() == projectId, "the EC does not see an application");
        await (await flow.EcSecretary.GetAsync($"/api/projects/{projectId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await other.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>()).ShouldBeEmpty("another applicant sees only their own");

        // P01: the upload task is the applicant's own.
        await flow.UploadRequiredAsync(projectId);
        var upload = await ApprovalFlow.TaskAsync(flow.Applicant, "mine", ApprovalFlow.P01, "upload", projectId);
        (await ApprovalFlow.CompleteAsync(other, upload, new { materialsUploaded = true })).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await ApprovalFlow.CompletedAsync(flow.Applicant, upload, new { materialsUploaded = true });
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");
        (await flow.NotificationsAsync(projectId)).ShouldContain(n => n.To == flow.SecretaryName && n.Template == "project-submitted" && n.Subject.Contains(protocol));

        // P02: the CTI secretary's formal review.
        var review = await flow.ReviewTaskAsync(projectId);
        (await ApprovalFlow.CompleteAsync(flow.Applicant, review, new { reviewDecision = "accept" })).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await flow.ReviewAsync(projectId, "accept");
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingConfirmation");

        // P03: a department head, then the project's own PI (and no other PI).
        var department = await ApprovalFlow.TaskAsync(flow.DeptHead, "groups", ApprovalFlow.P03, "department", projectId);
        (await ApprovalFlow.CompleteAsync(flow.Pi, department, new { departmentConfirmed = true, capacityOk = true }))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await flow.DepartmentAsync(projectId);
        var (otherPi, _) = await flow.OtherAsync("pi");
        (await ApprovalFlow.FindTaskAsync(otherPi, "groups", ApprovalFlow.P03, "pi", projectId)).ShouldBeNull();
        var piTask = await ApprovalFlow.TaskAsync(flow.Pi, "mine", ApprovalFlow.P03, "pi", projectId);
        (await ApprovalFlow.CompleteAsync(otherPi, piTask, new { piConfirmed = true })).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await flow.PiAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingApproval");

        // P04: only the CTI director decides.
        var decision = await flow.DecisionTaskAsync(projectId);
        var refused = await ApprovalFlow.CompleteAsync(flow.Secretary, decision, new { decision = "approve" });
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await flow.RefusalsAsync(flow.SecretaryName, $"/api/tasks/{decision}/complete")).ShouldNotBeEmpty("the audit trail shows who tried");
        await flow.DecideAsync(projectId, "approve");

        project = await flow.ProjectAsync(projectId);
        project.GetProperty("status").GetString().ShouldBe("Approved");
        project.GetProperty("projectNumber").GetString()!.ShouldStartWith($"{app.Clock.GetUtcNow().Year}-II-");
        project.GetProperty("approvedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await flow.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
        var notified = await flow.NotificationsAsync(projectId);
        var approvedTo = notified.Where(n => n.Template == "project-approved").Select(n => n.To).ToList();
        approvedTo.ShouldContain(flow.ApplicantName);
        approvedTo.ShouldContain(flow.PiName);
        approvedTo.ShouldContain(flow.EcSecretaryName, "every EC secretary hears of the approval");
        approvedTo.Except([flow.ApplicantName, flow.PiName]).ShouldAllBe(name => name.StartsWith("ec-secretary-"));
        (await (await flow.EcSecretary.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>())
            .ShouldContain(p => p.GetProperty("id").GetGuid() == projectId, "approved, the project is open to the EC");
    }

    [Fact]
    public async Task Submitting_with_required_documents_missing_is_refused_and_the_task_stays_open()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId, _) = await flow.ApplyAsync();
        var upload = await ApprovalFlow.TaskAsync(flow.Applicant, "mine", ApprovalFlow.P01, "upload", projectId);
        var form = await (await flow.Applicant.GetAsync($"/api/tasks/{upload}/form")).ReadAsync<JsonElement>();
        form.GetProperty("data").GetProperty("checklistComplete").GetBoolean().ShouldBeFalse();
        form.GetProperty("data").GetProperty("missingDocuments").EnumerateArray().Select(d => d.GetString()).ShouldContain("Protocol");

        (await flow.UploadRequiredAsync(projectId, only: 1)).ShouldBe(1);
        var refused = await ApprovalFlow.CompleteAsync(flow.Applicant, upload, new { materialsUploaded = true });
        var detail = (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!;
        detail.ShouldContain("incomplete");
        detail.ShouldContain("Protocol");
        (await flow.StatusAsync(projectId)).ShouldBe("Draft");
        (await ApprovalFlow.TaskAsync(flow.Applicant, "mine", ApprovalFlow.P01, "upload", projectId)).ShouldBe(upload);
        (await flow.RefusalsAsync(flow.ApplicantName, $"/api/tasks/{upload}/complete")).ShouldBe(["409"]);

        await flow.SubmitAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");
    }

    [Fact]
    public async Task A_start_form_with_a_bad_phase_or_no_title_is_refused_and_nothing_is_saved()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var protocol = "BAD-" + Guid.NewGuid().ToString("N")[..6];
        var response = await flow.Applicant.PostAsJsonAsync("/api/process-instances", new
        {
            processId = ApprovalFlow.P01,
            variables = new { protocolNumber = protocol, title = "", phase = "PhaseV", type = "SponsorInitiated", piUserName = flow.PiName },
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("phase", out _).ShouldBeTrue();
        (await (await flow.Secretary.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>())
            .ShouldNotContain(p => p.GetProperty("protocolNumber").GetString() == protocol);
        var instances = await (await flow.Secretary.GetAsync($"/api/process-instances?processId={ApprovalFlow.P01}&limit=200")).ReadAsync<JsonElement>();
        instances.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("status").GetString() != "Failed");

        var noTitle = await flow.Applicant.PostAsJsonAsync("/api/process-instances", new
        {
            processId = ApprovalFlow.P01,
            variables = new { protocolNumber = protocol, title = "", phase = "PhaseI", type = "SponsorInitiated", piUserName = flow.PiName },
        });
        (await noTitle.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("title", out _).ShouldBeTrue();
        (await (await flow.Secretary.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>())
            .ShouldNotContain(p => p.GetProperty("protocolNumber").GetString() == protocol);
    }

    [Fact]
    public async Task Withdrawing_ends_the_application_process_and_is_final()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (other, _) = await flow.OtherAsync("applicant");
        var (instanceId, projectId, protocol) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);
        await flow.ReviewTaskAsync(projectId);

        await (await flow.Applicant.PostAsJsonAsync($"/api/projects/{projectId}/withdraw", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await other.PostAsJsonAsync($"/api/projects/{projectId}/withdraw", new { reason = "not mine" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await flow.Pi.PostAsJsonAsync($"/api/projects/{projectId}/withdraw", new { reason = "PI may not" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview", "refused withdrawals change nothing");

        var withdrawn = await (await flow.Applicant.PostAsJsonAsync($"/api/projects/{projectId}/withdraw", new { reason = "The sponsor stopped the programme" }))
            .ReadAsync<JsonElement>();
        withdrawn.GetProperty("status").GetString().ShouldBe("Withdrawn");
        (await flow.StatusTrailAsync(projectId)).ShouldContain(("Withdrawn", flow.ApplicantName, "The sponsor stopped the programme"));
        (await flow.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
        (await ApprovalFlow.FindTaskAsync(flow.Secretary, "groups", ApprovalFlow.P02, "review", projectId)).ShouldBeNull("the review ended with the application");
        (await flow.NotificationsAsync(projectId)).ShouldContain(n => n.To == flow.SecretaryName && n.Template == "project-withdrawn"
                                                                      && n.Subject.Contains(protocol) && n.Body.Contains("The sponsor stopped the programme"));
        await (await flow.Applicant.PostAsJsonAsync($"/api/projects/{projectId}/withdraw", new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await flow.RefusalsAsync(flow.ApplicantName, $"/api/projects/{projectId}/withdraw")).ShouldContain("409");
    }
}

public sealed class ProjectApplicationTests_Sqlite(SqliteAppFactory app) : ProjectApplicationTests(app), IClassFixture<SqliteAppFactory>;
