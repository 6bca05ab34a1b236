using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.KickOff;
using Ctms.Api.Tests.Subjects.Protocol;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Recruitment;

/// <summary>
/// The recruitment processes run through the host by their tasks: the go-live check (O05) sent back for the missing
/// configuration then passed, and one subject taken through consent (O07), screening (O08) and enrollment (O09); another
/// through the screening failure.
/// </summary>
public sealed class RecruitmentProcessTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task The_go_live_process_sends_the_configuration_back_until_every_condition_holds()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var instance = await GateKit.StartAsync(s.Secretary.Client, "O05-go-live", s.ProjectId, new { });
        (await ActiveAsync(s, instance)).ShouldBe(["completeConfiguration"]);
        (await s.InDbAsync(db => db.ProtocolSetups.Where(p => p.ProjectId == s.ProjectId).Select(p => p.GoLiveAt).SingleOrDefaultAsync())).ShouldBeNull();

        await ProtocolKit.ConfigureAsync(s);
        (await KickOffScenario.CompleteAsync(s.DataManager.Client, instance, "completeConfiguration", new { configurationNote = "Arms, visits, pages and criteria set." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Secretary.Client, instance, "recheck", new { recheck = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();
        (await s.InDbAsync(db => db.ProtocolSetups.Where(p => p.ProjectId == s.ProjectId).Select(p => p.GoLiveBy).SingleAsync())).ShouldBe(s.Secretary.UserName);
    }

    [Fact]
    public async Task A_subject_is_consented_screened_and_enrolled_by_tasks()
    {
        using var s = await LiveStudyAsync();
        var subjectId = await CreateSubjectAsync(s, 40);

        var consent = await GateKit.StartAsync(s.SubInvestigator.Client, "O07-informed-consent", s.ProjectId, new { subjectId });
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await KickOffScenario.CompleteAsync(s.SubInvestigator.Client, consent, "obtainConsent", new { signedOn = today })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, consent)).ShouldBeEmpty();
        (await s.InDbAsync(db => db.SubjectConsents.CountAsync(c => c.SubjectId == subjectId))).ShouldBe(1);

        var screening = await GateKit.StartAsync(s.Nurse.Client, "O08-screening", s.ProjectId, new { subjectId });
        await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/screening", new { data = ProtocolKit.EligibleData }));
        (await KickOffScenario.CompleteAsync(s.Nurse.Client, screening, "screen", new { screeningComplete = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, screening)).ShouldBeEmpty();

        var enrollment = await GateKit.StartAsync(s.Pi.Client, "O09-enrollment", s.ProjectId, new { subjectId });
        // The nurse sees no enrollment task: it is the PI's.
        (await KickOffScenario.FindTaskAsync(s.Nurse.Client, enrollment, "confirmEnrollment")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Pi.Client, enrollment, "confirmEnrollment", new { enrollmentConfirmed = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, enrollment)).ShouldBeEmpty();
        var subject = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{subjectId}"));
        subject.GetProperty("status").GetString().ShouldBe("Enrolled");
        subject.GetProperty("subjectNumber").GetString().ShouldBe($"{s.ProtocolNumber}-01-001");
    }

    [Fact]
    public async Task An_ineligible_subject_is_recorded_as_a_screening_failure_by_tasks_and_enrollment_is_refused()
    {
        using var s = await LiveStudyAsync();
        var subjectId = await CreateSubjectAsync(s, 41);
        (await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/consents", new { signedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        // Enrolling before screening is refused: the PI's task stays open with the reason.
        var enrollment = await GateKit.StartAsync(s.Pi.Client, "O09-enrollment", s.ProjectId, new { subjectId });
        (await (await KickOffScenario.CompleteAsync(s.Pi.Client, enrollment, "confirmEnrollment", new { enrollmentConfirmed = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("eligibility");
        (await ActiveAsync(s, enrollment)).ShouldBe(["confirmEnrollment"]);

        var screening = await GateKit.StartAsync(s.Nurse.Client, "O08-screening", s.ProjectId, new { subjectId });
        await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/screening", new { data = new { age = 16, consentCapable = true, egfr = 90 } }));
        (await KickOffScenario.CompleteAsync(s.Nurse.Client, screening, "screen", new { screeningComplete = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, screening)).ShouldBe(["confirmFailure"]);
        (await KickOffScenario.CompleteAsync(s.Pi.Client, screening, "confirmFailure", new { screenFailureReason = "Under 18" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, screening)).ShouldBeEmpty();
        var subject = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{subjectId}"));
        subject.GetProperty("status").GetString().ShouldBe(nameof(SubjectStatus.ScreenFailed));
        subject.GetProperty("screenFailureReason").GetString().ShouldBe("Under 18 (criteria not passed: I1)");
    }

    private async Task<SubjectStudy> LiveStudyAsync()
    {
        var s = await SubjectStudy.CreateAsync(app);
        await ProtocolKit.ConfigureAsync(s);
        await ProtocolKit.GoLiveAsync(s);
        return s;
    }

    private async Task<Guid> CreateSubjectAsync(SubjectStudy s, int patient)
    {
        var patientId = await s.RegisterPatientAsync(app.Hospital.Data.Patients[patient].Mrn);
        var response = await s.Nurse.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> InstanceAsync(SubjectStudy s, string instanceId) =>
        await (await s.Admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();

    private static async Task<IReadOnlyList<string>> ActiveAsync(SubjectStudy s, string instanceId) =>
        [.. (await InstanceAsync(s, instanceId)).GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!)];
}
