using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Safety;

/// <summary>
/// What the safety tests start from: a consented subject of a <see cref="SubjectStudy"/>. The subject is made through the
/// domain (a registry patient, the subject, its consent) because recruitment is another part's; everything the tests
/// test goes through REST.
/// </summary>
public static class SafetyKit
{
    public const string O15 = "O15-sae-reporting";

    /// <summary>A subject of the study with a signed consent (version 1), in Screening or moved on to <paramref name="status"/>.</summary>
    public static async Task<Subject> ConsentedSubjectAsync(SubjectStudy s, string mrn, SubjectStatus status = SubjectStatus.Screening)
    {
        await using var scope = s.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<PatientRegistry>();
        var patient = await registry.RegisterAsync(new HospitalPatient("hosp-" + mrn, mrn, null, "Zhang", "San", "Zhang San", new DateOnly(1970, 5, 1),
            "male", []), default);
        var now = s.App.Clock.GetUtcNow();
        var count = await db.Subjects.CountAsync(x => x.ProjectId == s.ProjectId);
        var subject = new Subject(s.ProjectId, patient.Id, patient.Initials, $"S{count + 1:000}", s.Pi.UserName, now);
        subject.RecordConsent(1, now);
        db.Subjects.Add(subject);
        if (status != SubjectStatus.Screening)
        {
            subject.RecordEligibility(true, now);
            db.SubjectStatusChanges.Add(subject.Enroll($"R{count + 1:000}", null, s.Pi.UserName, now));
            if (status != SubjectStatus.Enrolled)
            {
                db.SubjectStatusChanges.Add(subject.MoveTo(status, now, s.Pi.UserName, null));
            }
        }
        await db.SaveChangesAsync();
        return subject;
    }

    public static object Ae(string term = "Neutropenia", int grade = 2, bool serious = false, string[]? criteria = null, string causality = "Possible",
        string outcome = "Ongoing", string onsetDate = "2026-01-10") =>
        new { term, onsetDate, grade, serious, seriousCriteria = criteria ?? [], causality, outcome, description = "Seen at the day 8 visit." };

    public static async Task<JsonElement> RecordAsync(HttpClient client, Guid subjectId, object ae)
    {
        var response = await client.PostAsJsonAsync($"/api/subjects/{subjectId}/adverse-events", ae);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<string>> NotifiedAsync(CtmsAppFactory app, string template, Guid projectId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        return await db.Notifications.AsNoTracking().Where(n => n.Template == template && n.ProjectId == projectId).Select(n => n.RecipientUserName).ToListAsync();
    }

    /// <summary>The open task of <paramref name="elementId"/> in the project's O15 instance offered to <paramref name="user"/>, or null.</summary>
    public static async Task<JsonElement?> TaskAsync(HttpClient user, Guid projectId, string elementId)
    {
        var page = await (await user.GetAsync($"/api/tasks?view=groups&processId={O15}&elementId={elementId}&businessKey={projectId}")).ReadAsync<JsonElement>();
        return page.GetProperty("items").GetArrayLength() > 0 ? page.GetProperty("items")[0] : null;
    }

    public const string O14 = "O14-adverse-event-follow-up";

    /// <summary>The ids of the running instances of <paramref name="processId"/> (business key the project) whose adverseEventId is the event.</summary>
    public static async Task<IReadOnlyList<string>> InstancesAsync(HttpClient admin, string processId, Guid projectId, Guid adverseEventId)
    {
        var page = await (await admin.GetAsync($"/api/process-instances?processId={processId}&businessKey={projectId}&status=running&limit=200"))
            .ReadAsync<JsonElement>();
        var found = new List<string>();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetString()!;
            var instance = await (await admin.GetAsync($"/api/process-instances/{id}")).ReadAsync<JsonElement>();
            if (instance.GetProperty("variables").TryGetProperty("adverseEventId", out var ae) && ae.GetString() == adverseEventId.ToString())
            {
                found.Add(id);
            }
        }
        return found;
    }
}
