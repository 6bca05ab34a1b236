using System.Net;
using System.Text.Json;

namespace Ctms.Api.Tests.Approval;

/// <summary>P04: the CTI director approves (numbering the project), rejects or returns the application.</summary>
public abstract class ProjectApprovalTests(CtmsAppFactory app)
{
    [Fact]
    public async Task Two_approvals_in_one_year_are_numbered_one_after_the_other_by_the_rule_and_the_preview_says_so()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var year = app.Clock.GetUtcNow().Year;
        var (_, first, _) = await flow.ToApprovalAsync("PhaseIV");
        var (_, second, _) = await flow.ToApprovalAsync("PhaseIV");

        var preview = await (await flow.Director.GetAsync($"/api/projects/{first}/number-preview")).ReadAsync<JsonElement>();
        preview.GetProperty("projectNumber").GetString().ShouldBe($"{year}-IV-001");
        preview.GetProperty("rule").GetString().ShouldBe("{year}-{phase}-{seq:000}");
        await (await flow.Secretary.GetAsync($"/api/projects/{first}/number-preview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await flow.Applicant.GetAsync($"/api/projects/{first}/number-preview")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await flow.DecideAsync(first, "approve");
        await flow.DecideAsync(second, "approve");
        (await flow.ProjectAsync(first)).GetProperty("projectNumber").GetString().ShouldBe($"{year}-IV-001");
        (await flow.ProjectAsync(second)).GetProperty("projectNumber").GetString().ShouldBe($"{year}-IV-002");
        (await flow.NotificationsAsync(second)).ShouldContain(n => n.To == flow.EcSecretaryName && n.Subject.Contains($"{year}-IV-002"));
    }

    [Fact]
    public async Task A_number_another_project_has_is_a_collision_the_task_stays_open_and_the_project_unchanged()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, first, _) = await flow.ToApprovalAsync();
        var (_, second, _) = await flow.ToApprovalAsync();
        await flow.DecideAsync(first, "approve", projectNumber: "CTI-2026-A1");

        var task = await flow.DecisionTaskAsync(second);
        var before = await flow.ProjectAsync(second);
        var collision = await ApprovalFlow.CompleteAsync(flow.Director, task, new { decision = "approve", projectNumber = "CTI-2026-A1" });
        (await collision.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("collision");

        (await flow.DecisionTaskAsync(second)).ShouldBe(task);
        var after = await flow.ProjectAsync(second);
        after.GetProperty("status").GetString().ShouldBe("AwaitingApproval");
        after.GetProperty("projectNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        after.GetProperty("version").GetGuid().ShouldBe(before.GetProperty("version").GetGuid());
        (await flow.NotificationsAsync(second)).ShouldNotContain(n => n.Template == "project-approved");
        (await flow.RefusalsAsync(flow.DirectorName, $"/api/tasks/{task}/complete")).ShouldBe(["409"]);

        await flow.DecideAsync(second, "approve", projectNumber: "CTI-2026-A2");
        (await flow.ProjectAsync(second)).GetProperty("projectNumber").GetString().ShouldBe("CTI-2026-A2");
    }

    [Fact]
    public async Task A_rejected_application_is_final_and_its_people_are_told_why()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (instanceId, projectId, _) = await flow.ToApprovalAsync();
        var task = await flow.DecisionTaskAsync(projectId);
        await (await ApprovalFlow.CompleteAsync(flow.Director, task, new { decision = "reject" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await flow.DecideAsync(projectId, "reject", "Outside the hospital's research priorities.");

        var project = await flow.ProjectAsync(projectId);
        project.GetProperty("status").GetString().ShouldBe("Rejected");
        (await flow.StatusTrailAsync(projectId)).ShouldContain(("Rejected", flow.DirectorName, "Outside the hospital's research priorities."));
        project.GetProperty("projectNumber").ValueKind.ShouldBe(JsonValueKind.Null);
        (await flow.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
        (await flow.NotificationsAsync(projectId)).Where(n => n.Template == "project-rejected").Select(n => n.To)
            .ShouldBe([flow.ApplicantName, flow.PiName], ignoreOrder: true);
        (await (await flow.EcSecretary.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>()).ShouldNotContain(p => p.GetProperty("id").GetGuid() == projectId);
    }

    [Fact]
    public async Task A_director_who_returns_the_application_gets_it_back_after_the_revision_and_the_reviews()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (instanceId, projectId, _) = await flow.ToApprovalAsync();
        await flow.DecideAsync(projectId, "return", "Add the DSMB charter.");
        (await flow.StatusAsync(projectId)).ShouldBe("ReturnedForRevision");
        (await flow.NotificationsAsync(projectId)).ShouldContain(n => n.To == flow.ApplicantName && n.Body.Contains("DSMB charter"));

        await flow.ReviseAsync(projectId, "DSMB charter added");
        await flow.ReviewAsync(projectId, "accept");
        await flow.DepartmentAsync(projectId);
        await flow.PiAsync(projectId);
        await flow.DecideAsync(projectId, "approve");
        (await flow.StatusAsync(projectId)).ShouldBe("Approved");
        (await flow.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
    }
}

public sealed class ProjectApprovalTests_Sqlite(SqliteAppFactory app) : ProjectApprovalTests(app), IClassFixture<SqliteAppFactory>;
public sealed class ProjectApprovalTests_Postgres(PostgresAppFactory app) : ProjectApprovalTests(app), IClassFixture<PostgresAppFactory>;
