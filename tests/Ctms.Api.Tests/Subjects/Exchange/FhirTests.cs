using System.Net;
using System.Text.Json;
using Ctms.Api.Tests.Subjects.Safety;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Protocol;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Exchange;

/// <summary>
/// FHIR R4 ResearchStudy and ResearchSubject (item 7 of issue 9): parsed back with Firely, the values are the project's
/// and the subjects'; the hospital patient is named by MRN; no arm allocation in them; only subjects.export holders.
/// </summary>
public sealed class FhirTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static readonly JsonSerializerOptions Fhir = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    [Fact]
    public async Task The_study_and_its_subjects_read_as_FHIR_R4_without_an_arm_and_only_for_export_holders()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            db.StudyArms.Add(new StudyArm(s.ProjectId, "A", "Drug X 10 mg", 1, null));
            db.StudyArms.Add(new StudyArm(s.ProjectId, "B", "Placebo", 1, null));
            await db.SaveChangesAsync();
        }
        var mrnScreening = "FHIR-" + Guid.NewGuid().ToString("N")[..8];
        var mrnRandomized = "FHIR-" + Guid.NewGuid().ToString("N")[..8];
        var screening = await SafetyKit.ConsentedSubjectAsync(s, mrnScreening);
        var randomized = await SafetyKit.ConsentedSubjectAsync(s, mrnRandomized, SubjectStatus.Randomized);
        var protocol = await s.InDbAsync(db => Task.FromResult(db.Projects.Single(p => p.Id == s.ProjectId)));

        foreach (var route in new[] { "ResearchStudy", "ResearchSubject" })
        {
            (await s.Cra.Client.GetAsync($"/api/projects/{s.ProjectId}/fhir/{route}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await s.Nurse.Client.GetAsync($"/api/projects/{s.ProjectId}/fhir/{route}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await s.Outsider.Client.GetAsync($"/api/projects/{s.ProjectId}/fhir/{route}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var studyResponse = await s.DataManager.Client.GetAsync($"/api/projects/{s.ProjectId}/fhir/ResearchStudy");
        studyResponse.StatusCode.ShouldBe(HttpStatusCode.OK, await studyResponse.Content.ReadAsStringAsync());
        studyResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var study = JsonSerializer.Deserialize<ResearchStudy>(await studyResponse.Content.ReadAsStringAsync(), Fhir)!;
        study.Identifier.Single().System.ShouldBe("urn:ctms:protocol");
        study.Identifier.Single().Value.ShouldBe(protocol.ProtocolNumber);
        study.Title.ShouldBe(protocol.Title);
        study.Status.ShouldBe(ResearchStudy.ResearchStudyStatus.Active);
        study.Phase!.Coding.Single().System.ShouldBe("http://terminology.hl7.org/CodeSystem/research-study-phase");
        study.Phase!.Coding.Single().Code.ShouldBe(protocol.Phase switch
        {
            Domain.Projects.TrialPhase.PhaseI => "phase-1",
            Domain.Projects.TrialPhase.PhaseII => "phase-2",
            Domain.Projects.TrialPhase.PhaseIII => "phase-3",
            Domain.Projects.TrialPhase.PhaseIV => "phase-4",
            _ => "n-a",
        });
        study.Sponsor?.Display.ShouldBe(protocol.Sponsor);
        study.Arm.Select(a => a.Name).ShouldBe(["Drug X 10 mg", "Placebo"]);

        var subjectsResponse = await s.Pi.Client.GetAsync($"/api/projects/{s.ProjectId}/fhir/ResearchSubject");
        subjectsResponse.StatusCode.ShouldBe(HttpStatusCode.OK, await subjectsResponse.Content.ReadAsStringAsync());
        subjectsResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/fhir+json");
        var json = await subjectsResponse.Content.ReadAsStringAsync();
        var bundle = JsonSerializer.Deserialize<Bundle>(json, Fhir)!;
        bundle.Type.ShouldBe(Bundle.BundleType.Searchset);
        bundle.Total.ShouldBe(2);
        var subjects = bundle.Entry.Select(e => (ResearchSubject)e.Resource!).ToList();
        subjects.Count.ShouldBe(2);

        var first = subjects.Single(x => x.Id == screening.Id.ToString());
        first.Status.ShouldBe(ResearchSubject.ResearchSubjectStatus.Screening);
        first.Identifier.Single(i => i.System == "urn:ctms:subject").Value.ShouldBe(screening.ScreeningNumber);
        first.Identifier.Single(i => i.System == "urn:ctms:subject-label").Value
            .ShouldBe(SubjectLabel.Of(protocol.ProtocolNumber, screening.ScreeningNumber, screening.Initials));
        first.Individual!.Identifier!.System.ShouldBe(HospitalFhir.MrnSystem);
        first.Individual!.Identifier!.Value.ShouldBe(PatientVault.Normalise(mrnScreening));
        first.Study!.Reference.ShouldBe($"ResearchStudy/{s.ProjectId}");

        var second = subjects.Single(x => x.Id == randomized.Id.ToString());
        second.Status.ShouldBe(ResearchSubject.ResearchSubjectStatus.OnStudy);
        second.Identifier.Single(i => i.System == "urn:ctms:subject").Value.ShouldBe(randomized.SubjectNumber);
        second.Individual!.Identifier!.Value.ShouldBe(PatientVault.Normalise(mrnRandomized));
        second.AssignedArm.ShouldBeNull();
        second.ActualArm.ShouldBeNull();
        json.ShouldNotContain("assignedArm");
        json.ShouldNotContain("actualArm");
        json.ShouldNotContain("Placebo");
        json.ShouldNotContain("Zhang");

        // The MRN is revealed for the answer only: nowhere in the registry's row in clear.
        var stored = await s.InDbAsync(db => Task.FromResult(
            db.RegisteredPatients.Single(p => p.Id == randomized.PatientId)));
        System.Text.Encoding.UTF8.GetString(stored.MrnSealed).ShouldNotContain(PatientVault.Normalise(mrnRandomized));
    }

    [Theory]
    [InlineData(SubjectStatus.Screening, ResearchSubject.ResearchSubjectStatus.Screening)]
    [InlineData(SubjectStatus.ScreenFailed, ResearchSubject.ResearchSubjectStatus.Ineligible)]
    [InlineData(SubjectStatus.InTreatment, ResearchSubject.ResearchSubjectStatus.OnStudyIntervention)]
    [InlineData(SubjectStatus.FollowUp, ResearchSubject.ResearchSubjectStatus.FollowUp)]
    [InlineData(SubjectStatus.Completed, ResearchSubject.ResearchSubjectStatus.OffStudy)]
    [InlineData(SubjectStatus.Withdrawn, ResearchSubject.ResearchSubjectStatus.Withdrawn)]
    public void Each_subject_status_has_its_FHIR_status(SubjectStatus status, ResearchSubject.ResearchSubjectStatus expected) =>
        Domain.Subjects.Exchange.FhirResearchMapping.Status(status).ShouldBe(expected);
}
