using System.Net;

namespace Ctms.Api.Tests.Approval;

/// <summary>P03: the department head's, then the project's own PI's confirmation; either may send the application back.</summary>
public abstract class ConfirmationTests(CtmsAppFactory app)
{
    private static async Task<(Guid InstanceId, Guid ProjectId)> AcceptedAsync(ApprovalFlow flow)
    {
        var (instanceId, projectId, _) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);
        await flow.ReviewAsync(projectId, "accept");
        return (instanceId, projectId);
    }

    [Fact]
    public async Task The_department_and_then_the_PI_confirm_and_the_project_awaits_approval()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId) = await AcceptedAsync(flow);
        (await ApprovalFlow.FindTaskAsync(flow.Pi, "mine", ApprovalFlow.P03, "pi", projectId)).ShouldBeNull("the PI confirms after the department");

        var department = await ApprovalFlow.TaskAsync(flow.DeptHead, "groups", ApprovalFlow.P03, "department", projectId);
        var conflict = await ApprovalFlow.CompleteAsync(flow.DeptHead, department, new { departmentConfirmed = true, capacityOk = true, conflictsDeclared = true });
        (await conflict.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("comment", out _).ShouldBeTrue();
        await flow.DepartmentAsync(projectId, conflicts: true, comment: "Dr. B holds sponsor shares; not on the team.");
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingConfirmation");

        var piTask = await ApprovalFlow.TaskAsync(flow.Pi, "mine", ApprovalFlow.P03, "pi", projectId);
        (await ApprovalFlow.CompleteAsync(flow.DeptHead, piTask, new { piConfirmed = true })).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        await flow.PiAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingApproval");
        (await flow.DecisionTaskAsync(projectId)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_department_without_capacity_sends_the_application_back_and_it_returns_through_the_formal_review()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId) = await AcceptedAsync(flow);

        await flow.DepartmentAsync(projectId, capacityOk: false, comment: "No ward beds before next spring.");
        (await flow.StatusAsync(projectId)).ShouldBe("ReturnedForRevision");
        (await flow.NotificationsAsync(projectId)).ShouldContain(n => n.To == flow.ApplicantName && n.Template == "project-returned" && n.Body.Contains("ward beds"));
        (await ApprovalFlow.FindTaskAsync(flow.Pi, "mine", ApprovalFlow.P03, "pi", projectId)).ShouldBeNull();

        await flow.ReviseAsync(projectId, "Start moved to next spring");
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");
        await flow.ReviewAsync(projectId, "accept");
        await flow.DepartmentAsync(projectId);
        await flow.PiAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingApproval");
    }

    [Fact]
    public async Task A_PI_who_does_not_confirm_sends_the_application_back()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId) = await AcceptedAsync(flow);
        await flow.DepartmentAsync(projectId);

        var piTask = await ApprovalFlow.TaskAsync(flow.Pi, "mine", ApprovalFlow.P03, "pi", projectId);
        await (await ApprovalFlow.CompleteAsync(flow.Pi, piTask, new { piConfirmed = false })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await flow.PiAsync(projectId, confirmed: false, comment: "The sample size is not feasible here.");
        (await flow.StatusAsync(projectId)).ShouldBe("ReturnedForRevision");
        (await flow.NotificationsAsync(projectId)).ShouldContain(n => n.To == flow.ApplicantName && n.Body.Contains("sample size"));
        (await ApprovalFlow.FindTaskAsync(flow.Applicant, "mine", ApprovalFlow.A06, "revise", projectId)).ShouldNotBeNull();
    }
}

public sealed class ConfirmationTests_Sqlite(SqliteAppFactory app) : ConfirmationTests(app), IClassFixture<SqliteAppFactory>;
