using System.Net;
using System.Text.Json;
using Ctms.Domain.Closeout;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.KickOff;

/// <summary>
/// P13 through the REST API: the CTI secretary opens the close-out, the PI reports, the checks run, the CTI director
/// approves and the project is archived with the checks' answers; a failed check stops it and sends it back to the PI.
/// </summary>
public sealed class CloseoutProcessTests(KickOffAppFactory app) : IClassFixture<KickOffAppFactory>
{
    private const string Process = "P13-project-close-out";

    private static async Task ReportAndReviewAsync(KickOffScenario s, string instance, string summary)
    {
        (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_summaryReport", new { summary, actualEnrollment = 38 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_reviewCloseout", new { fileComplete = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_close_out_walks_to_an_archived_project_with_the_not_applicable_checks_recorded()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Enrolling);
        var instance = await s.StartAsync(s.Secretary, Process);
        (await s.ProjectStatusAsync()).ShouldBe("Closing");

        // The summary report is the project's PI's, not another PI's.
        (await KickOffScenario.FindTaskAsync(s.OtherPi, instance, "Task_summaryReport")).ShouldBeNull();
        await ReportAndReviewAsync(s, instance, "38 subjects enrolled, 35 completed; no unexpected safety findings.");

        // The secretary cannot approve the archiving: it is the director's task.
        (await KickOffScenario.FindTaskAsync(s.Secretary, instance, "Task_approveArchiving")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Director, instance, "Task_approveArchiving", new { decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await s.InstanceAsync(instance)).GetProperty("status").GetString().ShouldBe("Completed");
        (await s.ProjectStatusAsync()).ShouldBe("Archived");
        var closeout = await (await s.Pi.GetAsync($"/api/projects/{s.ProjectId}/closeout")).ReadAsync<JsonElement>();
        var record = closeout.GetProperty("record");
        record.GetProperty("archivedBy").GetString().ShouldNotBeNullOrEmpty();
        record.GetProperty("actualEnrollment").GetInt32().ShouldBe(38);
        record.GetProperty("reportSubmittedBy").GetString().ShouldBe(s.PiName);
        var checks = record.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("check").GetString()!, c => (Outcome: c.GetProperty("outcome").GetString(), Reason: c.GetProperty("reasons").EnumerateArray().FirstOrDefault().ToString()));
        checks[DrugReconciliationCheck.CheckName].ShouldBe(("NotApplicable", "The pharmacy module is not installed yet."));
        checks[FinancialSettlementCheck.CheckName].ShouldBe(("NotApplicable", "The finance module is not installed yet."));
        checks[SummaryReportCheck.CheckName].Outcome.ShouldBe("Passed");
        (await s.InDbAsync(db => db.AuditRecords.AnyAsync(a => a.EntityType == nameof(CloseoutRecord) && a.Field == "ArchivedAt"))).ShouldBeTrue();
        (await s.InDbAsync(db => db.Notifications.CountAsync(n => n.Template == "closeout-archived" && n.RecipientUserName == s.PiName))).ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_check_stops_the_archiving_and_sends_the_close_out_back_to_the_PI_until_it_passes()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Enrolling);
        app.ExtraCheck.FailFor(s.ProjectId, "3 kits are not accounted for.");
        var instance = await s.StartAsync(s.Secretary, Process);
        await ReportAndReviewAsync(s, instance, "Study completed.");

        // Back with the PI, who is told why; the stored run says so too.
        (await s.ActiveElementsAsync(instance)).ShouldBe(["Task_summaryReport"]);
        var variables = (await s.InstanceAsync(instance)).GetProperty("variables");
        variables.GetProperty("closureChecksPassed").GetBoolean().ShouldBeFalse();
        variables.GetProperty("closureProblems").GetString().ShouldBe($"{SwitchableClosureCheck.CheckName}: 3 kits are not accounted for.");
        (await s.InDbAsync(db => db.Notifications.CountAsync(n => n.Template == "closeout-checks-failed" && n.RecipientUserName == s.PiName))).ShouldBe(1);

        // The director cannot archive around the process either: 409 with the reason, and the refusal is on the trail.
        var refused = await (await s.Director.PostAsync($"/api/projects/{s.ProjectId}/closeout/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("3 kits are not accounted for.");
        (await s.ProjectStatusAsync()).ShouldBe("Closing");
        (await s.InDbAsync(db => db.RefusedAttempts.AnyAsync(r => r.Path == $"/api/projects/{s.ProjectId}/closeout/archive" && r.Status == 409))).ShouldBeTrue();

        app.ExtraCheck.PassFor(s.ProjectId);
        await ReportAndReviewAsync(s, instance, "Study completed; the 3 kits were found and destroyed.");
        (await KickOffScenario.CompleteAsync(s.Director, instance, "Task_approveArchiving", new { decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await s.ProjectStatusAsync()).ShouldBe("Archived");
        var closeout = await (await s.Admin.GetAsync($"/api/projects/{s.ProjectId}/closeout")).ReadAsync<JsonElement>();
        closeout.GetProperty("record").GetProperty("summaryReport").GetString().ShouldBe("Study completed; the 3 kits were found and destroyed.");
        closeout.GetProperty("record").GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("check").GetString() == SwitchableClosureCheck.CheckName).GetProperty("outcome").GetString().ShouldBe("Passed");
    }

    [Fact]
    public async Task The_director_can_return_the_close_out_to_the_PI()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Enrolling);
        var instance = await s.StartAsync(s.Secretary, Process);
        await ReportAndReviewAsync(s, instance, "Short report.");
        (await KickOffScenario.CompleteAsync(s.Director, instance, "Task_approveArchiving", new { decision = "return", archiveComment = "Add the deviations." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.ActiveElementsAsync(instance)).ShouldBe(["Task_summaryReport"]);
        (await s.ProjectStatusAsync()).ShouldBe("Closing");
    }
}
