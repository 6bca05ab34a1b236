using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Suspension;
using Ctms.Domain.Projects;
using Ctms.Domain.Signatures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Ethics.Suspension;

/// <summary>
/// A08 through the REST API: the CTI director (or the EC chair) asks, the EC chair decides and signs, the project moves,
/// and the signal reaches the project's running processes: P10 (contract review) and P12 (kick-off) hold their open
/// tasks on a suspension and end on a termination.
/// </summary>
public abstract class StudySuspensionTests(CtmsAppFactory app)
{
    private const string Process = "A08-study-suspension";

    private sealed record Study(EthicsScenario Ethics, HttpClient Director, string DirectorName, HttpClient CtiSecretary, string ContractReview, string KickOff);

    /// <summary>A contracted study with its contract review (P10) and kick-off (P12) both waiting for the CTI secretary.</summary>
    private async Task<Study> StudyAsync()
    {
        var ethics = await EthicsScenario.CreateAsync(app, ProjectStatus.Contracted);
        var (director, directorName) = await app.UserAsync("cti-director");
        var (secretary, _) = await app.UserAsync("cti-secretary");
        var contractReview = await StartAsync(secretary, ethics, "P10-contract-review", new { });
        var kickOff = await StartAsync(secretary, ethics, "P12-kick-off-meeting", new { });
        (await ActiveAsync(ethics, contractReview)).ShouldBe(["draft"]);
        (await ActiveAsync(ethics, kickOff)).ShouldBe(["Task_planMeeting"]);
        return new Study(ethics, director, directorName, secretary, contractReview, kickOff);
    }

    private static async Task<string> StartAsync(HttpClient starter, EthicsScenario s, string processId, object variables)
    {
        var response = await starter.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = s.ProjectId.ToString(), variables });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task<string> AskAsync(HttpClient starter, EthicsScenario s, string action, string reason) =>
        StartAsync(starter, s, Process, new { action, reason });

    private static async Task<JsonElement> InstanceAsync(EthicsScenario s, string id) =>
        await (await s.Admin.GetAsync($"/api/process-instances/{id}")).ReadAsync<JsonElement>();

    private static async Task<List<string>> ActiveAsync(EthicsScenario s, string id) =>
        [.. (await InstanceAsync(s, id)).GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!)];

    private static async Task<List<string>> CompletedElementsAsync(EthicsScenario s, string id) =>
        [.. (await (await s.Admin.GetAsync($"/api/process-instances/{id}/history")).ReadAsync<JsonElement>()).EnumerateArray()
            .Where(h => h.GetProperty("event").GetString() == "completed").Select(h => h.GetProperty("elementId").GetString()!)];

    private static async Task<string> ProjectStatusAsync(EthicsScenario s) =>
        (await (await s.Admin.GetAsync($"/api/projects/{s.ProjectId}")).ReadAsync<JsonElement>()).GetProperty("status").GetString()!;

    private static Task<HttpResponseMessage> DecideAsync(EthicsScenario s, string instanceId, string decision, string? note = null, string? password = null) =>
        DecideAsAsync(s.Chair.Client, s, instanceId, decision, note, password ?? s.App.UserPassword);

    private static async Task<HttpResponseMessage> DecideAsAsync(HttpClient user, EthicsScenario s, string instanceId, string decision, string? note, string password)
    {
        var taskId = await EthicsScenario.FindTaskAsync(s.Chair.Client, instanceId, "Task_decide") ?? throw new ShouldAssertException("The chair has no decision to sign.");
        return await user.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
            new { variables = new { chairDecision = decision, chairNote = note }, signature = new { password } });
    }

    [Fact]
    public async Task A_signed_suspension_holds_the_running_contract_review_and_kick_off_and_a_resumption_returns_the_study_to_contracted()
    {
        var (s, director, directorName, secretary, contractReview, kickOff) = await StudyAsync();

        var suspension = await AskAsync(director, s, "suspend", "Two unreported SAEs found at the monitoring visit");
        (await ActiveAsync(s, suspension)).ShouldBe(["Task_decide"]);
        (await DecideAsync(s, suspension, "confirm", "Until the SAE reports are reviewed")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Suspended));
        (await InstanceAsync(s, suspension)).GetProperty("status").GetString().ShouldBe("Completed");
        (await CompletedElementsAsync(s, suspension)).ShouldContain("Event_suspended");
        // The signal reached both processes: their open tasks stay open and their people are told to hold them.
        (await ActiveAsync(s, contractReview)).ShouldBe(["draft"]);
        (await ActiveAsync(s, kickOff)).ShouldBe(["Task_planMeeting"]);
        var held = await CompletedElementsAsync(s, contractReview);
        held.ShouldContain("draft_suspended");
        held.ShouldContain("Task_notifyOnHold");
        held.ShouldContain("Event_onHold");
        held.ShouldNotContain("draft");
        (await CompletedElementsAsync(s, kickOff)).ShouldContain("Task_planMeeting_suspended");
        (await CompletedElementsAsync(s, kickOff)).ShouldContain("Event_onHold");
        (await EthicsScenario.FindTaskAsync(secretary, contractReview, "draft")).ShouldNotBeNull();
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            (await db.Notifications.AsNoTracking().CountAsync(n => n.Template == "work-on-hold" && n.ProjectId == s.ProjectId && n.RecipientUserName == s.PiName))
                .ShouldBe(2, "one for the contract review, one for the kick-off");
            (await db.Notifications.AsNoTracking().AnyAsync(n => n.Template == "study-suspended" && n.RecipientUserName == s.PiName && n.Body.Contains("unreported SAEs")))
                .ShouldBeTrue();
            var row = await db.StudySuspensions.AsNoTracking().SingleAsync(x => x.ProjectId == s.ProjectId);
            (row.Action, row.Status, row.StatusBefore, row.StatusAfter, row.RequestedBy, row.DecidedBy)
                .ShouldBe((SuspensionAction.Suspend, SuspensionStatus.Decided, ProjectStatus.Contracted, ProjectStatus.Suspended, directorName, s.Chair.UserName));
            var move = await db.AuditRecords.AsNoTracking()
                .SingleAsync(a => a.EntityType == nameof(Project) && a.EntityKey == s.ProjectId.ToString() && a.Field == "Status" && a.NewValue == "Suspended");
            (move.UserName, move.Reason).ShouldBe((s.Chair.UserName, "Until the SAE reports are reviewed"));
            var signature = await db.ElectronicSignatures.AsNoTracking().SingleAsync(x => x.RecordType == "study-suspension" && x.RecordId == row.Id.ToString());
            (signature.SignerUserName, signature.Meaning).ShouldBe((s.Chair.UserName, "I take this decision on the study for the ethics committee"));
            var check = await scope.ServiceProvider.GetRequiredService<SignatureService>().CheckAsync(row);
            check.ShouldHaveSingleItem().Intact.ShouldBeTrue();
        }

        // The chair resumes the study: back to Contracted, the held tasks go on.
        var resumption = await AskAsync(s.Chair.Client, s, "resume", "The SAE reports were reviewed and filed");
        (await DecideAsync(s, resumption, "confirm")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await InstanceAsync(s, resumption)).GetProperty("incidents").GetArrayLength().ShouldBe(0);
        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Contracted));
        (await CompletedElementsAsync(s, resumption)).ShouldContain("Event_resumed");
        (await ActiveAsync(s, contractReview)).ShouldBe(["draft"]);
        (await ActiveAsync(s, kickOff)).ShouldBe(["Task_planMeeting"]);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            (await db.Notifications.AsNoTracking().AnyAsync(n => n.Template == "study-resumed" && n.RecipientUserName == s.PiName && n.Body.Contains("Contracted")))
                .ShouldBeTrue();
        }
    }

    [Fact]
    public async Task A_signed_termination_ends_the_running_contract_review_and_kick_off()
    {
        var (s, director, _, _, contractReview, kickOff) = await StudyAsync();

        var termination = await AskAsync(director, s, "terminate", "The sponsor withdrew the study drug");
        (await DecideAsync(s, termination, "confirm")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Terminated));
        foreach (var id in new[] { contractReview, kickOff })
        {
            var instance = await InstanceAsync(s, id);
            instance.GetProperty("status").GetString().ShouldBe("Completed");
            instance.GetProperty("active").GetArrayLength().ShouldBe(0);
            (await CompletedElementsAsync(s, id)).ShouldContain("Event_endedByTermination");
        }
        var open = await (await s.Admin.GetAsync($"/api/process-instances?businessKey={s.ProjectId}&status=running")).ReadAsync<JsonElement>();
        open.GetProperty("items").GetArrayLength().ShouldBe(0, "nothing of the project runs any more");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        (await db.Notifications.AsNoTracking().AnyAsync(n => n.Template == "study-terminated" && n.RecipientUserName == s.PiName)).ShouldBeTrue();
        (await db.StudySuspensions.AsNoTracking().SingleAsync(x => x.ProjectId == s.ProjectId)).StatusAfter.ShouldBe(ProjectStatus.Terminated);
    }

    [Fact]
    public async Task A_declined_request_moves_nothing_and_tells_the_requester_why()
    {
        var (s, director, directorName, _, contractReview, _) = await StudyAsync();

        var request = await AskAsync(director, s, "terminate", "Slow enrollment");
        await (await DecideAsync(s, request, "decline")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await DecideAsync(s, request, "decline", "Slow enrollment is no ethical ground; see the sponsor")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Contracted));
        (await CompletedElementsAsync(s, request)).ShouldContain("Event_declined");
        (await ActiveAsync(s, contractReview)).ShouldBe(["draft"]);
        (await CompletedElementsAsync(s, contractReview)).ShouldNotContain("draft_terminated");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        (await db.Notifications.AsNoTracking().SingleAsync(n => n.Template == "study-declined" && n.ProjectId == s.ProjectId)).RecipientUserName.ShouldBe(directorName);
        var row = await db.StudySuspensions.AsNoTracking().SingleAsync(x => x.ProjectId == s.ProjectId);
        (row.Status, row.StatusAfter).ShouldBe((SuspensionStatus.Declined, ProjectStatus.Contracted));
        (await db.ElectronicSignatures.AsNoTracking().CountAsync(x => x.RecordType == "study-suspension" && x.RecordId == row.Id.ToString())).ShouldBe(1);
    }

    [Fact]
    public async Task Another_role_cannot_ask_nor_decide_and_an_impossible_move_or_a_second_request_is_refused()
    {
        var (s, director, _, secretary, _, _) = await StudyAsync();

        // The PI sees the project but may not ask for its suspension; nothing starts.
        await (await s.Pi.PostAsJsonAsync("/api/process-instances",
            new { processId = Process, businessKey = s.ProjectId.ToString(), variables = new { action = "suspend", reason = "I want a break" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Only a suspended study can be resumed; a bad action is a field error.
        await (await director.PostAsJsonAsync("/api/process-instances",
            new { processId = Process, businessKey = s.ProjectId.ToString(), variables = new { action = "resume", reason = "Go on" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var bad = await (await director.PostAsJsonAsync("/api/process-instances",
            new { processId = Process, businessKey = s.ProjectId.ToString(), variables = new { action = "pause", reason = "Go on" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Equals("action", StringComparison.OrdinalIgnoreCase)
            && e.Value[0].GetString()!.Contains("'suspend', 'terminate' or 'resume'"));

        var request = await AskAsync(director, s, "suspend", "Pharmacy deviation under review");
        await (await director.PostAsJsonAsync("/api/process-instances",
            new { processId = Process, businessKey = s.ProjectId.ToString(), variables = new { action = "terminate", reason = "And more" } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // The chair's task is the chair's: an EC member and the CTI secretary are refused.
        var taskId = await EthicsScenario.FindTaskAsync(s.Chair.Client, request, "Task_decide");
        foreach (var other in new[] { s.Seats[1].Client, secretary })
        {
            var refused = await other.PostAsJsonAsync($"/api/tasks/{taskId}/complete",
                new { variables = new { chairDecision = "confirm" }, signature = new { password = app.UserPassword } });
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }
        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Contracted));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        (await db.StudySuspensions.AsNoTracking().CountAsync(x => x.ProjectId == s.ProjectId)).ShouldBe(1, "only the accepted request was recorded");
        (await db.RefusedAttempts.AsNoTracking().CountAsync(r => r.Path == "/api/process-instances" && r.Status == 403)).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_counts_toward_lockout_and_changes_nothing()
    {
        var (s, director, _, _, contractReview, _) = await StudyAsync();
        var request = await AskAsync(director, s, "suspend", "Data integrity concerns");

        var wrong = await (await DecideAsync(s, request, "confirm", password: "not-the-password")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").TryGetProperty("signature.password", out _).ShouldBeTrue();

        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Contracted));
        (await ActiveAsync(s, request)).ShouldBe(["Task_decide"]);
        (await CompletedElementsAsync(s, contractReview)).ShouldNotContain("draft_suspended");
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
        (await users.GetAccessFailedCountAsync((await users.FindByNameAsync(s.Chair.UserName))!)).ShouldBe(1);
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var row = await db.StudySuspensions.AsNoTracking().SingleAsync(x => x.ProjectId == s.ProjectId);
        row.Status.ShouldBe(SuspensionStatus.Requested);
        (await db.ElectronicSignatures.AsNoTracking().CountAsync(x => x.RecordType == "study-suspension" && x.RecordId == row.Id.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task A_study_suspended_during_its_close_out_holds_it_and_resumes_to_closing()
    {
        var s = await EthicsScenario.CreateAsync(app, ProjectStatus.Enrolling);
        var (director, _) = await app.UserAsync("cti-director");
        var (secretary, _) = await app.UserAsync("cti-secretary");
        var closeOut = await StartAsync(secretary, s, "P13-project-close-out", new { });
        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Closing));

        var suspension = await AskAsync(director, s, "suspend", "Source data verification found gaps");
        (await DecideAsync(s, suspension, "confirm")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Suspended));
        (await ActiveAsync(s, closeOut)).ShouldBe(["Task_summaryReport"]);
        (await CompletedElementsAsync(s, closeOut)).ShouldContain("Task_summaryReport_suspended");

        var resumption = await AskAsync(director, s, "resume", "Gaps closed");
        (await DecideAsync(s, resumption, "confirm")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ProjectStatusAsync(s)).ShouldBe(nameof(ProjectStatus.Closing));
        var taskId = await EthicsScenario.FindTaskAsync(s.Pi, closeOut, "Task_summaryReport") ?? throw new ShouldAssertException("The PI's report is not open.");
        (await s.Pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { summary = "40 enrolled, 37 completed.", actualEnrollment = 40 } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, closeOut)).ShouldBe(["Task_reviewCloseout"]);
    }

    [Fact]
    public async Task An_administrator_can_broadcast_a_signal_to_a_project_and_others_cannot()
    {
        var (s, director, _, _, contractReview, kickOff) = await StudyAsync();

        await (await director.PostAsJsonAsync("/api/signals", new { name = "project-suspended", businessKey = s.ProjectId.ToString() }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Admin.PostAsJsonAsync("/api/signals", new { name = "", businessKey = s.ProjectId.ToString() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var other = await (await s.Admin.PostAsJsonAsync("/api/signals", new { name = "project-terminated", businessKey = Guid.NewGuid().ToString() }))
            .ReadAsync<JsonElement>();
        other.GetProperty("reached").GetInt32().ShouldBe(0, "another project's key reaches nothing here");

        var reached = await (await s.Admin.PostAsJsonAsync("/api/signals",
            new { name = "project-terminated", businessKey = s.ProjectId.ToString(), variables = new { ecReason = "test" } })).ReadAsync<JsonElement>();

        reached.GetProperty("reached").GetInt32().ShouldBe(2, "the open task of each process");
        (await InstanceAsync(s, contractReview)).GetProperty("status").GetString().ShouldBe("Completed");
        (await InstanceAsync(s, kickOff)).GetProperty("status").GetString().ShouldBe("Completed");
    }
}

public sealed class StudySuspensionTests_Sqlite(SqliteAppFactory app) : StudySuspensionTests(app), IClassFixture<SqliteAppFactory>;
