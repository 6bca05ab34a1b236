using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.KickOff;
using Ctms.Api.Tests.Subjects.Protocol;
using Ctms.Api.Tests.Subjects.Randomization;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Setup;

/// <summary>
/// The study set-up processes run through the host by their tasks, as the roles who own each step: the study team
/// assignment (O01), the protocol configuration with the schedule's publication (O02), the release of an e-CRF page
/// (O03), the rules and the randomization lock (O04) and the pre-screening with its trial conflict check (O06).
/// </summary>
public sealed class SetupProcessTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task The_pi_names_a_team_member_and_the_membership_is_the_delegation_log()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var newcomer = await Member.CreateAsync(app, "crc");
        (await CrcMembershipsAsync(s)).ShouldBe(1);
        var instance = await GateKit.StartAsync(s.Pi.Client, "O01-study-team-assignment", s.ProjectId, new { });
        (await ActiveAsync(s, instance)).ShouldBe(["nameMember"]);
        // A role the form does not know is refused by the form; nothing is added.
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "nameMember", new { userName = newcomer.UserName }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "nameMember", new { userName = newcomer.UserName, role = "crc" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();
        (await CrcMembershipsAsync(s)).ShouldBe(2);
    }

    [Fact]
    public async Task The_schedule_is_published_once_the_pi_approves_it()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var root = $"/api/projects/{s.ProjectId}/protocol";
        var instance = await GateKit.StartAsync(s.DataManager.Client, "O02-protocol-configuration", s.ProjectId, new { });
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/arms/A", new { name = "Drug X", ratio = 1 }));
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/arms/B", new { name = "Placebo", ratio = 1 }));
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/visits/SCR", ProtocolKit.Visit("Screening", 1, "Consent", 0, 0, 14, [], false, [])));
        (await KickOffScenario.CompleteAsync(s.DataManager.Client, instance, "configureProtocol", new { configurationNote = "Two arms, screening visit." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        // The approval is the PI's, not the data manager's.
        (await KickOffScenario.FindTaskAsync(s.DataManager.Client, instance, "approveSchedule")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "approveSchedule", new { decision = "revise", revisionReason = "Add day 1." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBe(["configureProtocol"]);
        (await ScheduleVersionAsync(s)).ShouldBe(0);

        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/visits/D1", ProtocolKit.Visit("Day 1", 2, "Randomization", 0, 0, 1, ["CBC"], true, [])));
        (await KickOffScenario.CompleteAsync(s.DataManager.Client, instance, "configureProtocol", new { configurationNote = "Day 1 added." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "approveSchedule", new { decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();
        (await ScheduleVersionAsync(s)).ShouldBe(1);
        var protocol = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync(root));
        protocol.GetProperty("scheduleVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task An_ecrf_page_is_released_after_the_pi_review()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var root = $"/api/projects/{s.ProjectId}/protocol";
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/ecrf-pages/VITALS",
            new { title = "Vital signs", schema = ProtocolKit.VitalsSchema, editChecks = Array.Empty<object>() }));
        var instance = await GateKit.StartAsync(s.DataManager.Client, "O03-ecrf-release", s.ProjectId, new { pageCode = "VITALS" });
        (await KickOffScenario.CompleteAsync(s.DataManager.Client, instance, "designPage", new { designNote = "Weight and blood pressure." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PageAsync(s)).GetProperty("status").GetString().ShouldBe("Draft");
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "reviewPage", new { decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();
        var page = await PageAsync(s);
        page.GetProperty("status").GetString().ShouldBe("Released");
        page.GetProperty("version").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_rules_are_approved_and_the_randomization_is_locked()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var root = $"/api/projects/{s.ProjectId}/protocol";
        var instance = await GateKit.StartAsync(s.DataManager.Client, "O04-rule-configuration", s.ProjectId, new { });
        (await s.DataManager.Client.PutAsJsonAsync($"{root}/rules", new { screeningNumberRule = ProtocolKit.ScreeningRule, subjectNumberRule = ProtocolKit.SubjectRule, washoutDays = 30 }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/criteria/I1", new { kind = "Inclusion", text = "Aged 18 to 75", expression = "age >= 18 and age <= 75", sequence = 1 }));
        (await KickOffScenario.CompleteAsync(s.DataManager.Client, instance, "configureRules", new { rulesNote = "Numbering and I1." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/arms/A", new { name = "Drug X", ratio = 1 }));
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/arms/B", new { name = "Placebo", ratio = 1 }));
        (await RandomizationKit.ConfigureAsync(s.DataManager.Client, s.ProjectId, RandomizationKit.StratifiedDoubleBlind())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await KickOffScenario.CompleteAsync(s.DataManager.Client, instance, "configureScheme", new { schemeNote = "Stratified blocks, double blind." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SchemeAsync(s)).GetProperty("locked").GetBoolean().ShouldBeFalse();
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "approveRules", new { decision = "approve" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();
        var scheme = await SchemeAsync(s);
        scheme.GetProperty("locked").GetBoolean().ShouldBeTrue();
        scheme.GetProperty("lockedBy").GetString().ShouldBe(s.Pi.UserName);
        // Neither the seed nor the lists reach the process's variables.
        var variables = (await InstanceAsync(s, instance)).GetProperty("variables");
        variables.GetProperty("randomizationLocked").GetBoolean().ShouldBeTrue();
        variables.GetRawText().ShouldNotContain("stratified-seed-0001");
    }

    [Fact]
    public async Task A_candidate_without_conflict_is_invited_and_one_already_screened_is_not()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await ProtocolKit.ConfigureAsync(s);
        await ProtocolKit.GoLiveAsync(s);
        var free = await s.RegisterPatientAsync(app.Hospital.Data.Patients[50].Mrn);
        var instance = await GateKit.StartAsync(s.Crc.Client, "O06-pre-screening", s.ProjectId, new { });
        // A registry id not registered with the project is refused; the CRC's task stays open.
        (await KickOffScenario.CompleteAsync(s.Crc.Client, instance, "pickCandidate", new { patientId = Guid.NewGuid().ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ActiveAsync(s, instance)).ShouldBe(["pickCandidate"]);
        (await KickOffScenario.CompleteAsync(s.Crc.Client, instance, "pickCandidate", new { patientId = free.ToString(), preScreeningNote = "Diagnosis fits." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBe(["decideInvitation"]);
        (await KickOffScenario.FindTaskAsync(s.Crc.Client, instance, "decideInvitation")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.SubInvestigator.Client, instance, "decideInvitation", new { invitation = "invite" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var ended = await InstanceAsync(s, instance);
        ended.GetProperty("active").GetArrayLength().ShouldBe(0);
        ended.GetProperty("variables").GetProperty("trialConflict").GetBoolean().ShouldBeFalse();

        // A patient already screened in this study: the conflict rules of the subject's creation refuse the invitation.
        var screened = await s.RegisterPatientAsync(app.Hospital.Data.Patients[51].Mrn);
        (await s.Nurse.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId = screened })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var second = await GateKit.StartAsync(s.Crc.Client, "O06-pre-screening", s.ProjectId, new { });
        (await KickOffScenario.CompleteAsync(s.Crc.Client, second, "pickCandidate", new { patientId = screened.ToString() })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var refused = await InstanceAsync(s, second);
        refused.GetProperty("active").GetArrayLength().ShouldBe(0);
        refused.GetProperty("variables").GetProperty("trialConflict").GetBoolean().ShouldBeTrue();
        refused.GetProperty("variables").GetProperty("trialConflicts").GetString()!.ShouldContain("already a subject of this study");
        refused.GetRawText().ShouldNotContain(app.Hospital.Data.Patients[51].Mrn);
    }

    private static Task<int> CrcMembershipsAsync(SubjectStudy s) =>
        s.InDbAsync(db => db.ProjectMemberships.CountAsync(m => m.ProjectId == s.ProjectId && m.Role == "crc" && m.RevokedAt == null));

    private static Task<int> ScheduleVersionAsync(SubjectStudy s) =>
        s.InDbAsync(db => db.ProtocolSetups.Where(p => p.ProjectId == s.ProjectId).Select(p => (int?)p.ScheduleVersion).SingleOrDefaultAsync()
            .ContinueWith(t => t.Result ?? 0));

    private static Task<JsonElement> PageAsync(SubjectStudy s) =>
        ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/projects/{s.ProjectId}/protocol/ecrf-pages/VITALS"));

    private static Task<JsonElement> SchemeAsync(SubjectStudy s) =>
        ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/projects/{s.ProjectId}/randomization"));

    private static async Task<JsonElement> InstanceAsync(SubjectStudy s, string instanceId) =>
        await (await s.Admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();

    private static async Task<IReadOnlyList<string>> ActiveAsync(SubjectStudy s, string instanceId) =>
        [.. (await InstanceAsync(s, instanceId)).GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!)];
}
