using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.KickOff;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.KickOff;

/// <summary>
/// P12 through the REST API, each step by the role that owns it: the CTI secretary plans and records, the project's CRA
/// confirms, the project's PI signs off and enrollment opens; other roles and other projects' people are refused.
/// </summary>
public sealed class KickOffProcessTests(KickOffAppFactory app) : IClassFixture<KickOffAppFactory>
{
    private const string Process = "P12-kick-off-meeting";

    /// <summary>Plans the meeting and has the CRA confirm; returns the instance waiting for the minutes.</summary>
    private static async Task<string> PlanAndConfirmAsync(KickOffScenario s)
    {
        var instance = await s.StartAsync(s.Secretary, Process);
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_planMeeting", new { meetingAt = "2026-12-01T09:00Z", location = "CTI meeting room 2" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Cra, instance, "Task_confirmMonitor", new { affiliation = "CRO Inc.", attending = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return instance;
    }

    private static async Task RecordAttendanceAndTrainingAsync(KickOffScenario s, params string[] trainedUsers)
    {
        var kickOff = await (await s.Secretary.GetAsync($"/api/projects/{s.ProjectId}/kickoff")).ReadAsync<JsonElement>();
        foreach (var participant in kickOff.GetProperty("participants").EnumerateArray())
        {
            var id = participant.GetProperty("id").GetGuid();
            (await s.Secretary.PutAsJsonAsync($"/api/projects/{s.ProjectId}/kickoff/participants/{id}/attendance", new { attended = true }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
            if (trainedUsers.Contains(participant.GetProperty("userName").GetString()))
            {
                (await s.Secretary.PostAsJsonAsync($"/api/projects/{s.ProjectId}/kickoff/training", new
                {
                    participantId = id, topic = "Protocol", trainer = "Dr. Trainer", trainedOn = DateOnly.FromDateTime(s.App.Clock.GetUtcNow().UtcDateTime),
                    evidence = "signed training log, page 1",
                })).StatusCode.ShouldBe(HttpStatusCode.Created);
            }
        }
    }

    [Fact]
    public async Task The_kick_off_walks_from_plan_to_sign_off_and_the_project_is_enrolling()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Contracted);
        var instance = await s.StartAsync(s.Secretary, Process);

        // The PI cannot plan: the task is the CTI secretary's.
        (await KickOffScenario.FindTaskAsync(s.Pi, instance, "Task_planMeeting")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_planMeeting", new { meetingAt = "2026-12-01T09:00Z", location = "CTI meeting room 2" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The team is invited: PI, sub-investigator and CRA are participants and were notified.
        var planned = await (await s.Pi.GetAsync($"/api/projects/{s.ProjectId}/kickoff")).ReadAsync<JsonElement>();
        planned.GetProperty("meeting").GetProperty("status").GetString().ShouldBe("Planned");
        planned.GetProperty("meeting").GetProperty("location").GetString().ShouldBe("CTI meeting room 2");
        planned.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("userName").GetString())
            .ShouldBe([s.PiName, s.SubInvestigatorName, s.CraName], ignoreOrder: true);
        (await s.InDbAsync(db => db.Notifications.Where(n => n.Template == "kickoff-invitation" && n.ProjectId == s.ProjectId)
            .Select(n => n.RecipientUserName).ToListAsync())).ShouldBe([s.PiName, s.SubInvestigatorName, s.CraName], ignoreOrder: true);

        // A CRA of another study sees the CRA group's task but cannot confirm for this project: refused, nothing changes.
        var othersTry = await KickOffScenario.CompleteAsync(s.OtherCra, instance, "Task_confirmMonitor", new { attending = true });
        ((int)othersTry.StatusCode).ShouldBeOneOf(403, 404);
        (await s.ActiveElementsAsync(instance)).ShouldBe(["Task_confirmMonitor"]);
        (await KickOffScenario.CompleteAsync(s.Cra, instance, "Task_confirmMonitor", new { affiliation = "CRO Inc.", attending = true }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await RecordAttendanceAndTrainingAsync(s, s.PiName, s.SubInvestigatorName);
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_recordMinutes", new { minutes = "Protocol v2.0 presented; SAE reporting explained." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Only this project's PI holds the sign-off.
        (await KickOffScenario.FindTaskAsync(s.OtherPi, instance, "Task_signOff")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_signOff", new { decision = "sign" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await s.InstanceAsync(instance)).GetProperty("status").GetString().ShouldBe("Completed");
        (await s.ProjectStatusAsync()).ShouldBe("Enrolling");
        var signed = await (await s.Pi.GetAsync($"/api/projects/{s.ProjectId}/kickoff")).ReadAsync<JsonElement>();
        signed.GetProperty("meeting").GetProperty("status").GetString().ShouldBe("SignedOff");
        signed.GetProperty("meeting").GetProperty("signedOffBy").GetString().ShouldBe(s.PiName);
        signed.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("userName").GetString() == s.CraName)
            .GetProperty("confirmed").GetBoolean().ShouldBeTrue();
        (await s.InDbAsync(db => db.Notifications.CountAsync(n => n.Template == "kickoff-enrollment-open" && n.RecipientUserName == s.SubInvestigatorName)))
            .ShouldBe(1);
        // The sign-off is on the audit trail under the PI's name.
        (await s.InDbAsync(db => db.AuditRecords.AnyAsync(a => a.EntityType == nameof(KickOffMeeting) && a.Field == "SignedOffBy" && a.UserName == s.PiName)))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task A_sign_off_refused_for_a_missing_protocol_training_goes_back_to_the_minutes_and_passes_once_it_is_recorded()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Contracted);
        var instance = await PlanAndConfirmAsync(s);
        await RecordAttendanceAndTrainingAsync(s, s.PiName); // the sub-investigator was not trained
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_recordMinutes", new { minutes = "Protocol presented." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // Straight through the API the sign-off is a conflict naming who is missing.
        var direct = await (await s.Pi.PostAsync($"/api/projects/{s.ProjectId}/kickoff/signoff", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        direct.GetProperty("detail").GetString()!.ShouldContain($"no protocol training record for {s.SubInvestigatorName} (sub-investigator)");

        // In the process the PI's sign-off sends the record back to the secretary with the reason.
        (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_signOff", new { decision = "sign" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.ActiveElementsAsync(instance)).ShouldBe(["Task_recordMinutes"]);
        var variables = (await s.InstanceAsync(instance)).GetProperty("variables");
        variables.GetProperty("enrollmentOpened").GetBoolean().ShouldBeFalse();
        variables.GetProperty("signOffProblems").GetString()!.ShouldContain(s.SubInvestigatorName);
        (await s.ProjectStatusAsync()).ShouldBe("Contracted");
        var form = await (await s.Secretary.GetAsync($"/api/tasks/{await KickOffScenario.FindTaskAsync(s.Secretary, instance, "Task_recordMinutes")}/form"))
            .ReadAsync<JsonElement>();
        form.GetProperty("data").GetProperty("signOffProblems").GetString()!.ShouldContain(s.SubInvestigatorName);

        await RecordAttendanceAndTrainingAsync(s, s.SubInvestigatorName);
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_recordMinutes", new { minutes = "Protocol presented; training completed." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_signOff", new { decision = "sign" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await s.InstanceAsync(instance)).GetProperty("status").GetString().ShouldBe("Completed");
        (await s.ProjectStatusAsync()).ShouldBe("Enrolling");
        var kickOff = await (await s.Secretary.GetAsync($"/api/projects/{s.ProjectId}/kickoff")).ReadAsync<JsonElement>();
        kickOff.GetProperty("meeting").GetProperty("minutes").GetString().ShouldBe("Protocol presented; training completed.");
        kickOff.GetProperty("training").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task The_PI_can_return_the_minutes_for_correction_and_sign_the_corrected_ones()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Contracted);
        var instance = await PlanAndConfirmAsync(s);
        await RecordAttendanceAndTrainingAsync(s, s.PiName, s.SubInvestigatorName);
        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_recordMinutes", new { minutes = "Draft." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // A form value outside the options is refused and nothing moves.
        await (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_signOff", new { decision = "maybe" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_signOff", new { decision = "return", signOffComment = "Add the SAE section." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.ActiveElementsAsync(instance)).ShouldBe(["Task_recordMinutes"]);
        (await s.ProjectStatusAsync()).ShouldBe("Contracted");

        (await KickOffScenario.CompleteAsync(s.Secretary, instance, "Task_recordMinutes", new { minutes = "Final, with SAE reporting." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Pi, instance, "Task_signOff", new { decision = "sign" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.ProjectStatusAsync()).ShouldBe("Enrolling");
    }
}
