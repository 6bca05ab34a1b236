using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Visits;

/// <summary>
/// A study with a visit schedule and an e-CRF page, and an enrolled subject, for the visits and e-CRF tests. The protocol
/// and the subject are made through the domain model (the protocol and recruitment parts' routes are not on main yet);
/// the lead may switch them to REST at merge. The schedule: SCR at the consent day (window 0/+7, exam 718-7, page VS),
/// V1 14 days after consent (-3/+3, page VS), V2 28 days after V1 (-5/+5, exam 2345-7, dispensing, fee F-V2).
/// </summary>
public static class VisitsKit
{
    public const string PageCode = "VS";

    /// <summary>Systolic 60-250 (required), diastolic 30-150; the edit check BP wants diastolic below systolic.</summary>
    public const string PageSchema = """
        { "type": "default", "schemaVersion": 16, "components": [
          { "type": "number", "id": "f1", "key": "systolic", "label": "Systolic (mmHg)", "validate": { "required": true, "min": 60, "max": 250 } },
          { "type": "number", "id": "f2", "key": "diastolic", "label": "Diastolic (mmHg)", "validate": { "min": 30, "max": 150 } }
        ] }
        """;

    public static async Task<SubjectStudy> StudyAsync(HospitalAppFactory app)
    {
        var s = await SubjectStudy.CreateAsync(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var scr = new VisitDefinition(s.ProjectId, "SCR", "Screening", 1, VisitReference.Consent, 0, 0, 7);
        scr.SetContent(["718-7"], false, [PageCode], []);
        var v1 = new VisitDefinition(s.ProjectId, "V1", "Baseline", 2, VisitReference.Consent, 14, 3, 3);
        v1.SetContent([], false, [PageCode], []);
        var v2 = new VisitDefinition(s.ProjectId, "V2", "Week 4", 3, VisitReference.PreviousVisit, 28, 5, 5);
        v2.SetContent(["2345-7"], true, [], ["F-V2"]);
        db.VisitDefinitions.AddRange(scr, v1, v2);
        var page = new EcrfPage(s.ProjectId, PageCode, 1, "Vital signs", PageSchema,
            JsonColumn.Write(new List<EditCheck> { new("BP", "diastolic", "diastolic < systolic", "Diastolic must be below systolic.") }), "dm", app.Clock.GetUtcNow());
        page.Release("dm", app.Clock.GetUtcNow());
        db.EcrfPages.Add(page);
        var setup = new ProtocolSetup(s.ProjectId);
        setup.PublishSchedule("dm", app.Clock.GetUtcNow());
        setup.GoLive("secretary", app.Clock.GetUtcNow());
        db.ProtocolSetups.Add(setup);
        await db.SaveChangesAsync();
        return s;
    }

    /// <summary>An enrolled subject: a hospital patient registered with the project, consented today on the approved ICF, eligible, enrolled.</summary>
    public static async Task<Guid> EnrolledSubjectAsync(HospitalAppFactory app, SubjectStudy s, int patientIndex)
    {
        var patient = app.Hospital.Data.Patients[patientIndex];
        var patientId = await s.RegisterPatientAsync(patient.Mrn);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var gate = await scope.ServiceProvider.GetRequiredService<IEnrollmentGate>().EvaluateAsync(s.ProjectId, app.Clock.GetUtcNow());
        var now = app.Clock.GetUtcNow();
        var number = await db.Subjects.CountAsync(x => x.ProjectId == s.ProjectId) + 1;
        var initials = await db.RegisteredPatients.Where(p => p.Id == patientId).Select(p => p.Initials).SingleAsync();
        var subject = new Subject(s.ProjectId, patientId, initials, $"S{number:000}", s.Nurse.UserName, now);
        db.Subjects.Add(subject);
        db.SubjectConsents.Add(new SubjectConsent(subject.Id, s.ProjectId, gate.ConsentVersionId!.Value, 1, DateOnly.FromDateTime(now.UtcDateTime), s.Pi.UserName,
            null, ConsentKind.Initial, now));
        subject.RecordConsent(1, now);
        subject.RecordEligibility(true, now);
        db.SubjectStatusChanges.Add(subject.Enroll($"{s.ProtocolNumber}-{number:000}", 1, s.Pi.UserName, now));
        await db.SaveChangesAsync();
        return subject.Id;
    }

    public static async Task<JsonElement[]> VisitsAsync(HttpClient client, Guid subjectId)
    {
        var response = await client.GetAsync($"/api/subjects/{subjectId}/visits");
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadAsync<JsonElement>()).EnumerateArray()];
    }

    public static JsonElement Visit(JsonElement[] visits, string code) => visits.Single(v => v.GetProperty("code").GetString() == code);

    public static DateOnly Date(JsonElement visit, string property) => DateOnly.Parse(visit.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> RecordAsync(HttpClient client, Guid subjectId, string code, DateOnly day) =>
        client.PostAsJsonAsync($"/api/subjects/{subjectId}/visits/{code}", new { actualDate = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
}
