using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Integration;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Visits;

/// <summary>Status changes (O16) and ward stays (O17) through REST.</summary>
public sealed class StatusTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task Leaving_the_study_cancels_the_pending_visits_and_their_to_do_processes()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 21);
        var visits = await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        var scr = VisitsKit.Visit(visits, "SCR").GetProperty("id").GetGuid();

        (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/status", new { status = "InTreatment", reason = "first dose" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var randomized = await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/status", new { status = "Randomized" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        randomized.GetProperty("detail").GetString()!.ShouldContain("randomize");
        await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/status", new { status = "Withdrawn" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var treated = await (await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/status", new { status = "InTreatment", reason = "first dose" }))
            .ReadAsync<JsonElement>();
        treated.GetProperty("status").GetString().ShouldBe("InTreatment");
        treated.GetProperty("statusColour").GetString().ShouldBe(SubjectLifecycle.Colour(SubjectStatus.InTreatment));
        treated.TryGetProperty("arm", out _).ShouldBeFalse();

        var withdrawn = await (await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/status", new { status = "Withdrawn", reason = "consent withdrawn" }))
            .ReadAsync<JsonElement>();
        withdrawn.GetProperty("status").GetString().ShouldBe("Withdrawn");
        (await VisitsKit.VisitsAsync(s.Pi.Client, subjectId)).Select(v => v.GetProperty("status").GetString()).ShouldBe(["Cancelled", "Cancelled", "Cancelled"]);
        await using (var scope = app.Scope())
        {
            var page = await scope.ServiceProvider.GetRequiredService<TaskService>().QueryAsync(new TaskQuery { ProcessId = "O11-visit-todo", BusinessKey = scr.ToString() });
            page.Items.ShouldBeEmpty();
        }
        (await s.InDbAsync(db => db.SubjectStatusChanges.Where(c => c.SubjectId == subjectId).ToListAsync())).OrderBy(c => c.At).Select(c => c.To)
            .ShouldBe([SubjectStatus.Enrolled, SubjectStatus.InTreatment, SubjectStatus.Withdrawn]);
        (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime)))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.InDbAsync(db => db.SubjectVisits.CountAsync(v => v.SubjectId == subjectId && v.Status != SubjectVisitStatus.Cancelled))).ShouldBe(0);
    }

    [Fact]
    public async Task A_subject_is_admitted_and_discharged_by_the_site()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 22);

        (await s.Cra.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/admission", new { admitted = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admitted = await (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/admission", new { admitted = true })).ReadAsync<JsonElement>();
        admitted.GetProperty("admitted").GetBoolean().ShouldBeTrue();
        (await s.InDbAsync(db => db.Subjects.Where(x => x.Id == subjectId).Select(x => x.Admitted).SingleAsync())).ShouldBeTrue();
        await (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/admission", new { admitted = true })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        app.Clock.Advance(TimeSpan.FromHours(3));
        using var crc = await app.ClientForAsync(s.Crc.UserName, app.UserPassword); // a new session after the clock moved
        var discharged = await (await crc.PostAsJsonAsync($"/api/subjects/{subjectId}/admission", new { admitted = false })).ReadAsync<JsonElement>();
        discharged.GetProperty("admitted").GetBoolean().ShouldBeFalse();
        var stay = await s.InDbAsync(db => db.SubjectAdmissions.SingleAsync(a => a.SubjectId == subjectId));
        (stay.DischargedAt - stay.AdmittedAt).ShouldBe(TimeSpan.FromHours(3));
        stay.Source.ShouldBe("site");
    }
}
