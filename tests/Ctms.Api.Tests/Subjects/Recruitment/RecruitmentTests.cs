using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.Subjects.Protocol;
using Ctms.Domain.Data;
using Ctms.Domain.Documents;
using Ctms.Domain.Ethics.Amendments;
using Ctms.Domain.Projects;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Recruitment;

/// <summary>
/// Recruitment through REST against the simulated hospital (O06-O09): a candidate found, taken into screening with the
/// number of the rule, consented on the approved ICF, screened with each criterion's result, enrolled by the PI with the
/// subject number of the rule; and every refusal: before go-live, gate closed, no consent, not eligible, another trial,
/// a wash-out, a re-consent due, the wrong role.
/// </summary>
public sealed class RecruitmentTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task A_candidate_is_screened_consented_assessed_and_enrolled_with_the_numbers_of_the_rules()
    {
        using var s = await LiveStudyAsync();
        var patient = app.Hospital.Data.Patients[20];

        var found = await ProtocolKit.OkAsync(s.Crc.Client.GetAsync($"/api/projects/{s.ProjectId}/candidates?mrn={patient.Mrn}"));
        found.GetArrayLength().ShouldBe(1);
        found[0].GetProperty("fullName").GetString().ShouldBe(patient.FullName);
        found[0].GetProperty("conflicts").GetArrayLength().ShouldBe(0);

        var patientId = await s.RegisterPatientAsync(patient.Mrn);
        var created = await s.Nurse.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var subject = await created.ReadAsync<JsonElement>();
        var year = app.Clock.GetUtcNow().Year.ToString(CultureInfo.InvariantCulture);
        subject.GetProperty("screeningNumber").GetString().ShouldBe($"SCR-{year}-01");
        subject.GetProperty("status").GetString().ShouldBe("Screening");
        subject.GetProperty("statusColour").GetString().ShouldBe(SubjectLifecycle.Colour(SubjectStatus.Screening));
        var initials = subject.GetProperty("initials").GetString()!;
        subject.GetProperty("label").GetString().ShouldBe($"{s.ProtocolNumber} SCR-{year}-01 {initials}");
        subject.GetRawText().ShouldNotContain(patient.Mrn);
        subject.GetRawText().ShouldNotContain(patient.FullName);
        subject.TryGetProperty("arm", out _).ShouldBeFalse();
        var id = subject.GetProperty("id").GetGuid();

        // The screening needs a consent first.
        await (await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = ProtocolKit.EligibleData }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var consent = await ConsentAsync(s, id);
        consent.GetProperty("versionNumber").GetInt32().ShouldBe(1);
        consent.GetProperty("kind").GetString().ShouldBe("Initial");
        var icf = await s.InDbAsync(db => db.SubjectConsents.Where(c => c.SubjectId == id).Select(c => c.ConsentVersionId).SingleAsync());
        (await GateConsentVersionAsync(s)).ShouldBe(icf);

        // One criterion undecided (eGFR missing) keeps the subject from being eligible; complete data makes them eligible.
        var partial = await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening",
            new { data = new { age = 45, consentCapable = true } }));
        partial.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        Results(partial).ShouldBe(["I1:met:True", "I2:met:True", "E1:undecided:False"]);
        await (await s.Pi.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var screening = await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = ProtocolKit.EligibleData }));
        screening.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        Results(screening).ShouldBe(["I1:met:True", "I2:met:True", "E1:not-met:True"]);
        screening.GetProperty("criteria")[2].GetProperty("text").GetString().ShouldBe("Severe renal impairment (eGFR < 30)");
        (await s.InDbAsync(db => db.EligibilityAssessments.CountAsync(a => a.SubjectId == id))).ShouldBe(2);

        // Only the PI enrolls.
        await (await s.Crc.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.SubInvestigator.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Outsider.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Outsider.Client.GetAsync($"/api/subjects/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var enrolled = await ProtocolKit.OkAsync(s.Pi.Client.PostAsync($"/api/subjects/{id}/enroll", null));
        enrolled.GetProperty("status").GetString().ShouldBe("Enrolled");
        enrolled.GetProperty("subjectNumber").GetString().ShouldBe($"{s.ProtocolNumber}-01-001");
        enrolled.GetProperty("eligible").GetBoolean().ShouldBeTrue();
        enrolled.GetProperty("consentVersionNumber").GetInt32().ShouldBe(1);
        enrolled.GetProperty("enrolledAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await s.InDbAsync(db => db.Subjects.Where(x => x.Id == id).Select(x => x.ScheduleVersion).SingleAsync())).ShouldBe(1);
        await (await s.Pi.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // The list, the filter, the subject and its history, for anyone on the team.
        var all = await ProtocolKit.OkAsync(s.Pharmacist.Client.GetAsync($"/api/projects/{s.ProjectId}/subjects"));
        all.GetArrayLength().ShouldBe(1);
        (await ProtocolKit.OkAsync(s.Cra.Client.GetAsync($"/api/projects/{s.ProjectId}/subjects?status=Enrolled"))).GetArrayLength().ShouldBe(1);
        (await ProtocolKit.OkAsync(s.Cra.Client.GetAsync($"/api/projects/{s.ProjectId}/subjects?status=Screening"))).GetArrayLength().ShouldBe(0);
        var history = await ProtocolKit.OkAsync(s.Cra.Client.GetAsync($"/api/subjects/{id}/history"));
        history.GetArrayLength().ShouldBe(1);
        history[0].GetProperty("from").GetString().ShouldBe("Screening");
        history[0].GetProperty("to").GetString().ShouldBe("Enrolled");
        history[0].GetProperty("by").GetString().ShouldBe(s.Pi.UserName);
        (await ProtocolKit.OkAsync(s.Cra.Client.GetAsync($"/api/subjects/{id}/screening"))).GetProperty("eligible").GetBoolean().ShouldBeTrue();
        (await ProtocolKit.OkAsync(s.Cra.Client.GetAsync($"/api/subjects/{id}/consents"))).GetArrayLength().ShouldBe(1);

        // The same patient cannot be taken twice into the study.
        await (await s.Nurse.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Screening_and_enrollment_are_refused_before_go_live_without_consent_when_not_eligible_and_while_the_gate_is_closed()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await ProtocolKit.ConfigureAsync(s);
        var first = await s.RegisterPatientAsync(app.Hospital.Data.Patients[21].Mrn);
        var early = await (await s.Pi.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId = first }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        early.GetProperty("detail").GetString()!.ShouldContain("go-live");
        await ProtocolKit.GoLiveAsync(s);
        // A CRC does not take subjects into screening; a patient not registered with the project is not found.
        await (await s.Crc.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId = first })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Pi.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Pi.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Without consent.
        var noConsent = await CreateAsync(s, first);
        (await (await s.Pi.Client.PostAsync($"/api/subjects/{noConsent}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("consent");

        // Not eligible: the exclusion is met.
        var ineligible = await CreateAsync(s, await s.RegisterPatientAsync(app.Hospital.Data.Patients[22].Mrn));
        await ConsentAsync(s, ineligible);
        var result = await ProtocolKit.OkAsync(s.SubInvestigator.Client.PutAsJsonAsync($"/api/subjects/{ineligible}/screening",
            new { data = new { age = 50, consentCapable = true, egfr = 20 } }));
        result.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        Results(result).ShouldContain("E1:met:False");
        (await (await s.Pi.Client.PostAsync($"/api/subjects/{ineligible}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("not eligible");
        await (await s.Pi.Client.PutAsJsonAsync($"/api/subjects/{ineligible}/screening", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // The gate closes (the study is suspended): no consent, no enrollment.
        var ready = await CreateAsync(s, await s.RegisterPatientAsync(app.Hospital.Data.Patients[23].Mrn));
        await ConsentAsync(s, ready);
        await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{ready}/screening", new { data = ProtocolKit.EligibleData }));
        await MoveProjectAsync(s, ProjectStatus.Suspended);
        (await (await s.Pi.Client.PostAsync($"/api/subjects/{ready}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("ethics gate");
        await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{noConsent}/consents", new { signedOn = Today() })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await s.InDbAsync(db => db.Subjects.CountAsync(x => x.ProjectId == s.ProjectId && x.SubjectNumber != null))).ShouldBe(0);
        (await s.InDbAsync(db => db.SubjectConsents.CountAsync(x => x.SubjectId == noConsent))).ShouldBe(0);
        await MoveProjectAsync(s, ProjectStatus.Enrolling);
        await ProtocolKit.OkAsync(s.Pi.Client.PostAsync($"/api/subjects/{ready}/enroll", null));
    }

    [Fact]
    public async Task A_screen_failure_keeps_its_reason_and_the_failing_criteria()
    {
        using var s = await LiveStudyAsync();
        var id = await CreateAsync(s, await s.RegisterPatientAsync(app.Hospital.Data.Patients[27].Mrn));
        await ConsentAsync(s, id);
        await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = new { age = 80, consentCapable = true, egfr = 25 } }));
        await (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{id}/screen-failure", new { reason = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var failed = await ProtocolKit.OkAsync(s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{id}/screen-failure", new { reason = "Outside the age range" }));
        failed.GetProperty("status").GetString().ShouldBe("ScreenFailed");
        failed.GetProperty("statusColour").GetString().ShouldBe(SubjectLifecycle.Colour(SubjectStatus.ScreenFailed));
        failed.GetProperty("screenFailureReason").GetString().ShouldBe("Outside the age range (criteria not passed: I1, E1)");
        var history = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{id}/history"));
        history[0].GetProperty("reason").GetString().ShouldBe("Outside the age range (criteria not passed: I1, E1)");
        await (await s.Pi.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = ProtocolKit.EligibleData })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_patient_in_another_running_trial_or_within_the_wash_out_is_flagged_and_refused()
    {
        using var other = await LiveStudyAsync();
        using var s = await LiveStudyAsync(washoutDays: 30);
        var active = app.Hospital.Data.Patients[24];
        var left = app.Hospital.Data.Patients[25];

        // Patient 24 is screening in the other study; patient 25 was enrolled there and withdrew today.
        await CreateAsync(other, await other.RegisterPatientAsync(active.Mrn));
        var leftId = await CreateAsync(other, await other.RegisterPatientAsync(left.Mrn));
        await ConsentAsync(other, leftId);
        await ProtocolKit.OkAsync(other.Nurse.Client.PutAsJsonAsync($"/api/subjects/{leftId}/screening", new { data = ProtocolKit.EligibleData }));
        await ProtocolKit.OkAsync(other.Pi.Client.PostAsync($"/api/subjects/{leftId}/enroll", null));
        await WithdrawAsync(leftId);

        var activeId = await s.RegisterPatientAsync(active.Mrn);
        var leftPatientId = await s.RegisterPatientAsync(left.Mrn);
        var found = await ProtocolKit.OkAsync(s.Crc.Client.GetAsync($"/api/projects/{s.ProjectId}/candidates?mrn={active.Mrn}"));
        var conflict = found[0].GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("other-trial");
        conflict.GetProperty("protocolNumber").GetString().ShouldBe(other.ProtocolNumber);
        found = await ProtocolKit.OkAsync(s.Crc.Client.GetAsync($"/api/projects/{s.ProjectId}/candidates?mrn={left.Mrn}"));
        conflict = found[0].GetProperty("conflicts").EnumerateArray().Single();
        conflict.GetProperty("kind").GetString().ShouldBe("washout");
        conflict.GetProperty("detail").GetString()!.ShouldContain("30-day wash-out");

        (await (await s.Pi.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId = activeId })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain(other.ProtocolNumber);
        (await (await s.Pi.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId = leftPatientId })).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("wash-out");
        (await s.InDbAsync(db => db.Subjects.CountAsync(x => x.ProjectId == s.ProjectId))).ShouldBe(0);

        // The study's own candidate search does not flag its own subjects, and the other study does not see a wash-out of its own.
        var own = await ProtocolKit.OkAsync(other.Crc.Client.GetAsync($"/api/projects/{other.ProjectId}/candidates?mrn={left.Mrn}"));
        own[0].GetProperty("conflicts").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_newly_approved_consent_makes_the_subject_due_for_re_consent_until_they_sign_it()
    {
        using var s = await LiveStudyAsync();
        var id = await CreateAsync(s, await s.RegisterPatientAsync(app.Hospital.Data.Patients[26].Mrn));
        await ConsentAsync(s, id);
        await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = ProtocolKit.EligibleData }));
        await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{id}/consents", new { signedOn = Today() })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await ApproveNewConsentVersionAsync(s);
        var due = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{id}"));
        due.GetProperty("reconsentDue").GetBoolean().ShouldBeTrue();
        (await (await s.Pi.Client.PostAsync($"/api/subjects/{id}/enroll", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("re-consent");
        await (await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = ProtocolKit.EligibleData })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        // A nurse does not take consents; a consent cannot be signed tomorrow.
        await (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{id}/consents", new { signedOn = Today() })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{id}/consents", new { signedOn = Today().AddDays(1) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var reconsent = await ConsentAsync(s, id, witness: "A. Witness");
        reconsent.GetProperty("versionNumber").GetInt32().ShouldBe(2);
        reconsent.GetProperty("kind").GetString().ShouldBe("Reconsent");
        var current = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{id}"));
        current.GetProperty("reconsentDue").GetBoolean().ShouldBeFalse();
        current.GetProperty("consentVersionNumber").GetInt32().ShouldBe(2);
        var consents = await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{id}/consents"));
        consents.EnumerateArray().Select(c => c.GetProperty("kind").GetString()).ShouldBe(["Initial", "Reconsent"]);
        consents[1].GetProperty("witness").GetString().ShouldBe("A. Witness");
        await ProtocolKit.OkAsync(s.Pi.Client.PostAsync($"/api/subjects/{id}/enroll", null));
    }

    [Fact]
    public async Task The_studio_shows_the_subject_list_and_the_subject_page_in_both_languages()
    {
        using var s = await LiveStudyAsync();
        var id = await CreateAsync(s, await s.RegisterPatientAsync(app.Hospital.Data.Patients[28].Mrn));
        await ConsentAsync(s, id);
        await ProtocolKit.OkAsync(s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{id}/screening", new { data = new { age = 45, consentCapable = true } }));
        var label = (await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/subjects/{id}"))).GetProperty("label").GetString()!;

        var list = await s.Crc.Client.GetStringAsync($"/projects/{s.ProjectId}/subjects");
        list.ShouldContain("<h1");
        list.ShouldContain(label);
        list.ShouldContain(SubjectLifecycle.Colour(SubjectStatus.Screening));
        list.ShouldContain("Screening");
        var page = await s.Crc.Client.GetStringAsync($"/subjects/{id}");
        page.ShouldContain(label);
        page.ShouldContain("Informed consents");
        page.ShouldContain("Aged 18 to 75");
        page.ShouldContain("undecided");
        page.ShouldContain($"/subjects/{id}/allocation");

        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/subjects/{id}");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        var zh = await (await s.Crc.Client.SendAsync(chinese)).Content.ReadAsStringAsync();
        zh.ShouldContain("知情同意");
        zh.ShouldContain("筛选中");
        zh.ShouldContain("无法判定");

        (await s.Outsider.Client.GetStringAsync($"/subjects/{id}")).ShouldContain("data-testid=\"subject-not-found\"");
    }

    private async Task<SubjectStudy> LiveStudyAsync(int washoutDays = 0)
    {
        var s = await SubjectStudy.CreateAsync(app);
        await ProtocolKit.ConfigureAsync(s, washoutDays);
        await ProtocolKit.GoLiveAsync(s);
        return s;
    }

    private static async Task<Guid> CreateAsync(SubjectStudy s, Guid patientId)
    {
        var response = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/subjects", new { patientId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> ConsentAsync(SubjectStudy s, Guid subjectId, string? witness = null)
    {
        var response = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/consents", new { signedOn = Today(), witness });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private static List<string> Results(JsonElement screening) =>
    [
        .. screening.GetProperty("criteria").EnumerateArray()
            .Select(c => $"{c.GetProperty("code").GetString()}:{c.GetProperty("result").GetString()}:{c.GetProperty("passes").GetBoolean()}"),
    ];

    private static async Task<Guid?> GateConsentVersionAsync(SubjectStudy s)
    {
        await using var scope = s.App.Scope();
        var gate = scope.ServiceProvider.GetRequiredService<Domain.Ethics.Gate.IEnrollmentGate>();
        return (await gate.EvaluateAsync(s.ProjectId, s.App.Clock.GetUtcNow())).ConsentVersionId;
    }

    private static async Task MoveProjectAsync(SubjectStudy s, ProjectStatus status)
    {
        await using var scope = s.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == s.ProjectId);
        project.MoveTo(status, s.App.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>The subject withdraws (the status change is the visits part's endpoint; here through the domain).</summary>
    private async Task WithdrawAsync(Guid subjectId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var subject = await db.Subjects.SingleAsync(x => x.Id == subjectId);
        db.SubjectStatusChanges.Add(subject.MoveTo(SubjectStatus.Withdrawn, app.Clock.GetUtcNow(), "pi", "Withdrew consent"));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A new ICF version approved by the committee, as the amendment process (A01) leaves it: the version uploaded, an
    /// approving review of it, and the re-consent requirement it flags.
    /// </summary>
    internal static async Task ApproveNewConsentVersionAsync(SubjectStudy s)
    {
        await using (var scope = s.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var document = await db.ProjectDocuments.Include(d => d.Versions).SingleAsync(d => d.ProjectId == s.ProjectId && d.Code == "icf");
            var content = Documents.DocumentTestData.Pdf($"icf v2 {s.ProjectId}");
            var version = document.AddVersion(new StoredFile(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), content.Length),
                "icf-v2.pdf", "application/pdf", "admin", s.App.Clock.GetUtcNow(), "Amendment 1");
            db.DocumentVersions.Add(version);
            await db.SaveChangesAsync();
        }
        await Ethics.Gate.GateKit.ApproveEthicsAsync(s.App, s.ProjectId);
        await using (var scope = s.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var version = await db.DocumentVersions.Where(v => db.ProjectDocuments.Any(d => d.Id == v.DocumentId && d.ProjectId == s.ProjectId && d.Code == "icf"))
                .OrderByDescending(v => v.Number).FirstAsync();
            var reviewId = await db.ReviewDocuments.Where(rd => rd.DocumentVersionId == version.Id).Select(rd => rd.ReviewId).SingleAsync();
            var decision = await db.EthicsDecisions.SingleAsync(d => d.ReviewId == reviewId);
            db.ReconsentRequirements.Add(new ReconsentRequirement(s.ProjectId, version.Id, version.Number, decision.ReviewId, decision.Id,
                "Amendment 1: new safety information", s.App.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
    }
}
