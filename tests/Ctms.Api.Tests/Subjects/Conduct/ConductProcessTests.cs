using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Ethics.Gate;
using Ctms.Api.Tests.Integration;
using Ctms.Api.Tests.KickOff;
using Ctms.Api.Tests.Subjects.Safety;
using Ctms.Api.Tests.Subjects.Visits;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Ecrf;
using Ctms.Domain.Subjects.Safety;
using Ctms.Domain.Subjects.Visits;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Conduct;

/// <summary>
/// The conduct processes run through the host by their tasks, with the simulated hospital over real HTTP: an exam ordered
/// and its result reviewed (O12), a query answered, re-opened, closed and the page signed (O13), an adverse event followed
/// up with its weekly reminder until resolved (O14), a status change confirmed by the PI that ends the visits' to-do
/// processes (O16), and a ward stay followed from the hospital's admission and discharge messages (O17).
/// </summary>
public sealed class ConductProcessTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    [Fact]
    public async Task An_exam_is_ordered_its_result_arrives_from_the_hospital_and_the_sub_investigator_reviews_it()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 60);
        await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);

        var instance = await GateKit.StartAsync(s.SubInvestigator.Client, "O12-exam-orders", s.ProjectId, new { subjectId, visitCode = "SCR", examCode = "718-7" });
        var order = await s.InDbAsync(db => db.VisitExamOrders.AsNoTracking().SingleAsync(o => o.SubjectId == subjectId));
        (await WaitForAsync(s, instance, active => active.SequenceEqual(["reviewResult"]))).ShouldBe(["reviewResult"]);
        (await s.InDbAsync(db => db.LabResults.CountAsync(r => r.OrderId == order.OrderId))).ShouldBe(1);

        (await KickOffScenario.FindTaskAsync(s.Cra.Client, instance, "reviewResult")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.SubInvestigator.Client, instance, "reviewResult", new { resultSignificance = "normal" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_query_is_answered_re_opened_answered_again_closed_and_the_page_signed_off_with_a_signature()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 61);
        await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        var saved = await s.Nurse.Client.PutAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR/ecrf/{VisitsKit.PageCode}", new { data = new { systolic = 182, diastolic = 80 } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var entryId = (await saved.ReadAsync<JsonElement>()).GetProperty("entryId").GetGuid();

        var instance = await GateKit.StartAsync(s.Cra.Client, "O13-query-resolution", s.ProjectId,
            new { entryId, queryField = "systolic", queryText = "182 mmHg: please confirm against the source." });
        (await ActiveAsync(s, instance)).ShouldBe(["answerQuery"]);
        (await KickOffScenario.CompleteAsync(s.Nurse.Client, instance, "answerQuery", new { queryAnswer = "As measured." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.FindTaskAsync(s.Nurse.Client, instance, "reviewAnswer")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Cra.Client, instance, "reviewAnswer", new { queryResolved = false, queryText = "Was it repeated after 5 minutes?" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBe(["answerQuery"]);
        (await KickOffScenario.CompleteAsync(s.Nurse.Client, instance, "answerQuery", new { queryAnswer = "Repeated: 180 mmHg." })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await KickOffScenario.CompleteAsync(s.Cra.Client, instance, "reviewAnswer", new { queryResolved = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // The sign-off is the investigator's and needs the password.
        (await KickOffScenario.FindTaskAsync(s.Nurse.Client, instance, "signOff")).ShouldBeNull();
        var taskId = await KickOffScenario.FindTaskAsync(s.Pi.Client, instance, "signOff");
        taskId.ShouldNotBeNull();
        (await s.Pi.Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { } })).IsSuccessStatusCode.ShouldBeFalse();
        var signed = await s.Pi.Client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { }, signature = new { password = app.UserPassword } });
        signed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await signed.Content.ReadAsStringAsync());
        (await ActiveAsync(s, instance)).ShouldBeEmpty();

        var entry = await s.InDbAsync(db => db.EcrfEntries.AsNoTracking().SingleAsync(e => e.Id == entryId));
        entry.SignedBy.ShouldBe(s.Pi.UserName);
        var queries = await s.InDbAsync(db => db.EcrfQueries.AsNoTracking().Where(q => q.EntryId == entryId).ToListAsync());
        queries.Count.ShouldBe(2);
        queries.ShouldAllBe(q => q.Status == EcrfQueryStatus.Closed);
        queries.Select(q => q.Answer).ShouldBe(["As measured.", "Repeated: 180 mmHg."], ignoreOrder: true);
    }

    [Fact]
    public async Task An_adverse_event_is_followed_up_with_a_weekly_reminder_until_it_is_resolved()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "AE-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Randomized);
        var ae = await SafetyKit.RecordAsync(s.SubInvestigator.Client, subject.Id, SafetyKit.Ae("Nausea", 2));
        var adverseEventId = ae.GetProperty("id").GetGuid();

        // Recording the ongoing event started its follow-up (O14).
        var instance = (await SafetyKit.InstancesAsync(s.Admin, SafetyKit.O14, s.ProjectId, adverseEventId)).ShouldHaveSingleItem();
        (await ActiveAsync(s, instance)).ShouldBe(["followUp"]);
        (await SafetyKit.NotifiedAsync(app, "adverse-event-follow-up-due", s.ProjectId)).ShouldBeEmpty();
        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await GateKit.RunJobsAsync(app);
        (await SafetyKit.NotifiedAsync(app, "adverse-event-follow-up-due", s.ProjectId)).ShouldBe([s.Pi.UserName, s.SubInvestigator.UserName], ignoreOrder: true);

        // A week later the sessions have expired: signed in again.
        using var subInvestigator = await GateKit.SignInAsync(app, s.SubInvestigator.UserName);
        using var pi = await GateKit.SignInAsync(app, s.Pi.UserName);
        using var crc = await GateKit.SignInAsync(app, s.Crc.UserName);
        using var admin = await app.AdminAsync();
        (await KickOffScenario.FindTaskAsync(crc, instance, "followUp")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(subInvestigator, instance, "followUp", new { outcome = "Ongoing", grade = 3, followUpNote = "Worse; antiemetics." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(admin, instance)).ShouldBe(["followUp"]);
        (await KickOffScenario.CompleteAsync(pi, instance, "followUp", new { outcome = "Recovered", followUpNote = "Resolved." }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(admin, instance)).ShouldBeEmpty();

        var stored = await s.InDbAsync(db => db.AdverseEvents.AsNoTracking().SingleAsync(e => e.Id == adverseEventId));
        (stored.Outcome, stored.Grade).ShouldBe((AdverseEventOutcome.Recovered, 3));
        (await s.InDbAsync(db => db.AdverseEventFollowUps.CountAsync(f => f.AdverseEventId == adverseEventId))).ShouldBe(2);
    }

    [Fact]
    public async Task A_status_change_confirmed_by_the_PI_withdraws_the_subject_and_ends_the_visits_to_do_processes()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 62);
        await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        var started = await s.InDbAsync(db => db.SubjectVisits.AsNoTracking().Where(v => v.SubjectId == subjectId && v.ProcessStarted).Select(v => v.Id).ToListAsync());
        // The open visits wait at their to-do task (the others at the timer of their window, which finds them cancelled).
        var open = await s.InDbAsync(db => db.SubjectVisits.AsNoTracking().Where(v => v.SubjectId == subjectId && v.Status == SubjectVisitStatus.Open)
            .Select(v => v.Id).ToListAsync());
        open.ShouldNotBeEmpty();
        (await RunningTodosAsync(s, open)).ShouldBe(open.Count);

        // Refused by the PI: nothing changes.
        var refused = await GateKit.StartAsync(s.SubInvestigator.Client, "O16-subject-status-change", s.ProjectId,
            new { subjectId, status = "Withdrawn", statusReason = "Moving abroad" });
        (await KickOffScenario.FindTaskAsync(s.SubInvestigator.Client, refused, "confirmStatus")).ShouldBeNull();
        (await KickOffScenario.CompleteAsync(s.Pi.Client, refused, "confirmStatus", new { statusConfirmed = false })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await s.InDbAsync(db => db.Subjects.AsNoTracking().Where(x => x.Id == subjectId).Select(x => x.Status).SingleAsync())).ShouldBe(SubjectStatus.Enrolled);

        var instance = await GateKit.StartAsync(s.SubInvestigator.Client, "O16-subject-status-change", s.ProjectId,
            new { subjectId, status = "Withdrawn", statusReason = "Consent withdrawn" });
        (await KickOffScenario.CompleteAsync(s.Pi.Client, instance, "confirmStatus", new { statusConfirmed = true })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ActiveAsync(s, instance)).ShouldBeEmpty();

        var subject = await ProtocolKitOk(s.Pi.Client, $"/api/subjects/{subjectId}");
        subject.GetProperty("status").GetString().ShouldBe("Withdrawn");
        (await s.InDbAsync(db => db.SubjectStatusChanges.AsNoTracking().Where(c => c.SubjectId == subjectId && c.To == SubjectStatus.Withdrawn)
            .Select(c => c.Reason).SingleAsync())).ShouldBe("Consent withdrawn");
        (await s.InDbAsync(db => db.SubjectVisits.AsNoTracking().Where(v => started.Contains(v.Id)).Select(v => v.Status).ToListAsync()))
            .ShouldAllBe(v => v == SubjectVisitStatus.Cancelled);
        (await RunningTodosAsync(s, open)).ShouldBe(0);
    }

    [Fact]
    public async Task A_ward_stay_is_followed_from_the_hospitals_admission_and_discharge_messages()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 63);
        var hospitalPatient = app.Hospital.Data.Patients[63].Id;

        var instance = await GateKit.StartAsync(s.Nurse.Client, "O17-admission-discharge", s.ProjectId, new { subjectId });
        (await ActiveAsync(s, instance)).ShouldBe(["admitted"]);

        await app.Hospital.AdmitAsync(hospitalPatient);
        (await WaitForAsync(s, instance, active => active.SequenceEqual(["discharged"]))).ShouldBe(["discharged"]);
        (await ProtocolKitOk(s.Nurse.Client, $"/api/subjects/{subjectId}")).GetProperty("admitted").GetBoolean().ShouldBeTrue();
        var stay = await s.InDbAsync(db => db.SubjectAdmissions.AsNoTracking().SingleAsync(a => a.SubjectId == subjectId));
        (stay.Source, stay.DischargedAt).ShouldBe(("hospital", null));

        await app.Hospital.DischargeAsync(hospitalPatient);
        (await WaitForAsync(s, instance, active => active.Count == 0)).ShouldBeEmpty();
        (await ProtocolKitOk(s.Nurse.Client, $"/api/subjects/{subjectId}")).GetProperty("admitted").GetBoolean().ShouldBeFalse();
        (await s.InDbAsync(db => db.SubjectAdmissions.AsNoTracking().SingleAsync(a => a.SubjectId == subjectId))).DischargedAt.ShouldNotBeNull();
    }

    private static async Task<JsonElement> ProtocolKitOk(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    private static async Task<int> RunningTodosAsync(SubjectStudy s, IEnumerable<Guid> visitIds)
    {
        var running = 0;
        foreach (var id in visitIds)
        {
            var page = await (await s.Admin.GetAsync($"/api/process-instances?processId=O11-visit-todo&status=running&businessKey={id}")).ReadAsync<JsonElement>();
            running += page.GetProperty("items").GetArrayLength();
        }
        return running;
    }

    /// <summary>The hospital's notifications arrive over HTTP on their own time: waits (at most 10 s) until the instance's active elements match.</summary>
    private static async Task<IReadOnlyList<string>> WaitForAsync(SubjectStudy s, string instanceId, Func<IReadOnlyList<string>, bool> done)
    {
        var active = await ActiveAsync(s, instanceId);
        for (var i = 0; i < 100 && !done(active); i++)
        {
            await Task.Delay(100);
            active = await ActiveAsync(s, instanceId);
        }
        return active;
    }

    private static Task<IReadOnlyList<string>> ActiveAsync(SubjectStudy s, string instanceId) => ActiveAsync(s.Admin, instanceId);

    private static async Task<IReadOnlyList<string>> ActiveAsync(HttpClient admin, string instanceId) =>
        [.. (await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>())
            .GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!)];
}
