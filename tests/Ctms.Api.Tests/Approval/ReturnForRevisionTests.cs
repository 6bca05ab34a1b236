using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Approval;

/// <summary>A06, the reusable return for revision: the applicant's task with its due date and weekly reminders; a revision after withdrawal is refused.</summary>
public abstract class ReturnForRevisionTests(CtmsAppFactory app)
{
    [Fact]
    public async Task The_applicant_is_reminded_every_week_until_they_resubmit()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId, _) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);
        await flow.ReviewAsync(projectId, "return", "Sign the CVs.");

        var page = await (await flow.Applicant.GetAsync($"/api/tasks?view=mine&processId={ApprovalFlow.A06}&elementId=revise&limit=200")).ReadAsync<JsonElement>();
        var revise = page.GetProperty("items").EnumerateArray().Single();
        revise.GetProperty("dueDate").GetDateTimeOffset().ShouldBe(app.Clock.GetUtcNow().AddDays(14), TimeSpan.FromMinutes(5));

        var executor = app.Services.GetRequiredService<JobExecutor>();
        for (var week = 1; week <= 2; week++)
        {
            app.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));
            await executor.RunDueAsync(default);
            (await flow.NotificationsAsync(projectId)).Count(n => n.To == flow.ApplicantName && n.Template == "project-revision-reminder").ShouldBe(week);
        }
        await flow.SignInAgainAsync();
        await flow.ReviseAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");

        app.Clock.Advance(TimeSpan.FromDays(8));
        await executor.RunDueAsync(default);
        (await flow.NotificationsAsync(projectId)).Count(n => n.Template == "project-revision-reminder").ShouldBe(2, "no reminder once resubmitted");
    }

    [Fact]
    public async Task A_revision_submitted_after_the_project_was_withdrawn_is_refused_and_the_task_stays_open()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId, _) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);

        // A06 on its own, as a CTI office process would call it for this project.
        (await flow.Secretary.PostAsJsonAsync("/api/process-instances", new
        {
            processId = ApprovalFlow.A06,
            businessKey = projectId.ToString(),
            variables = new { projectId = projectId.ToString(), applicantUserName = flow.ApplicantName, revisionReason = "Translate the ICF." },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await flow.StatusAsync(projectId)).ShouldBe("ReturnedForRevision");
        var revise = await ApprovalFlow.TaskAsync(flow.Applicant, "mine", ApprovalFlow.A06, "revise", projectId);

        (await flow.Applicant.PostAsJsonAsync($"/api/projects/{projectId}/withdraw", new { reason = "Study cancelled" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await ApprovalFlow.CompleteAsync(flow.Applicant, revise, new { revisionNote = "ICF translated" });
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Withdrawn");

        (await flow.StatusAsync(projectId)).ShouldBe("Withdrawn");
        (await ApprovalFlow.TaskAsync(flow.Applicant, "mine", ApprovalFlow.A06, "revise", projectId)).ShouldBe(revise);
        (await flow.RefusalsAsync(flow.ApplicantName, $"/api/tasks/{revise}/complete")).ShouldBe(["409"]);
    }

    [Fact]
    public async Task Returning_is_refused_to_a_role_that_does_not_own_the_current_step()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (_, projectId, _) = await flow.ApplyAsync();
        await flow.SubmitAsync(projectId);

        // The project is in the CTI formal review: the applicant may not send it back to themselves.
        var response = await flow.Applicant.PostAsJsonAsync("/api/process-instances", new
        {
            processId = ApprovalFlow.A06,
            businessKey = projectId.ToString(),
            variables = new { projectId = projectId.ToString(), applicantUserName = flow.ApplicantName, revisionReason = "self" },
        });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");
    }
}

public sealed class ReturnForRevisionTests_Sqlite(SqliteAppFactory app) : ReturnForRevisionTests(app), IClassFixture<SqliteAppFactory>;
