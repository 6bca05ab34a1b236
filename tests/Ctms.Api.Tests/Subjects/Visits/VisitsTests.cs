using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Engine;
using Ctms.Api.Tests.Integration;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects.Deviations;
using Ctms.Domain.Subjects.Visits;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Visits;

/// <summary>
/// A subject's visits through REST (O11, O12): the schedule from the protocol, the to-do process of each visit (its task
/// when the window opens, the reminder before it closes, the missed visit), out-of-window visits, exam orders through the
/// simulated hospital.
/// </summary>
public sealed class VisitsTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    private const string Process = "O11-visit-todo";

    private Task<int> RunJobsAsync() => app.Services.GetRequiredService<JobExecutor>().RunDueAsync(default);

    /// <summary>A new sign-in for a member after the clock moved past the session's lifetime.</summary>
    private async Task<HttpClient> SignInAsync(Member member) => await app.ClientForAsync(member.UserName, app.UserPassword);

    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private async Task<IReadOnlyList<UserTaskState>> TodoTasksAsync(Guid visitId)
    {
        await using var scope = app.Scope();
        var page = await scope.ServiceProvider.GetRequiredService<TaskService>().QueryAsync(new TaskQuery
        {
            ProcessId = Process, ElementId = "visit-todo", BusinessKey = visitId.ToString(),
        });
        return page.Items;
    }

    [Fact]
    public async Task The_schedule_comes_from_the_protocol_and_an_open_window_gives_the_site_its_to_do_task()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 11);
        var today = Today;

        var visits = await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        visits.Select(v => v.GetProperty("code").GetString()).ShouldBe(["SCR", "V1", "V2"]);
        var scr = VisitsKit.Visit(visits, "SCR");
        VisitsKit.Date(scr, "target").ShouldBe(today);
        VisitsKit.Date(scr, "windowEnd").ShouldBe(today.AddDays(7));
        scr.GetProperty("status").GetString().ShouldBe("Open");
        scr.GetProperty("todo").EnumerateArray().Select(t => (t.GetProperty("kind").GetString(), t.GetProperty("code").GetString(), t.GetProperty("done").GetBoolean()))
            .ShouldBe([("exam", "718-7", false), ("ecrf", "VS", false)]);
        var v1 = VisitsKit.Visit(visits, "V1");
        v1.GetProperty("status").GetString().ShouldBe("Planned");
        VisitsKit.Date(v1, "windowStart").ShouldBe(today.AddDays(11));
        VisitsKit.Date(v1, "windowEnd").ShouldBe(today.AddDays(17));
        var v2 = VisitsKit.Visit(visits, "V2");
        VisitsKit.Date(v2, "target").ShouldBe(today.AddDays(42));
        v2.GetProperty("todo").EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ShouldBe(["exam", "dispensing", "fee"]);

        // The open visit has its to-do task for the site; the later ones wait for their window.
        (await TodoTasksAsync(scr.GetProperty("id").GetGuid())).Count.ShouldBe(1);
        (await TodoTasksAsync(v1.GetProperty("id").GetGuid())).ShouldBeEmpty();
        // Reading again starts nothing twice.
        await VisitsKit.VisitsAsync(s.Pi.Client, subjectId);
        (await TodoTasksAsync(scr.GetProperty("id").GetGuid())).Count.ShouldBe(1);
        // Someone outside the project learns nothing of the subject.
        (await s.Outsider.Client.GetAsync($"/api/subjects/{subjectId}/visits")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_window_opening_later_creates_the_task_reminds_before_it_closes_and_a_visit_never_done_is_missed_with_a_deviation_candidate()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 12);
        var start = app.Clock.GetUtcNow();
        var visits = await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        var v1 = VisitsKit.Visit(visits, "V1").GetProperty("id").GetGuid();
        // The screening visit is done at once: its process ends, and the reminders below are V1's.
        (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", Today)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Day 11 at noon: V1's window opens.
        app.Clock.Set(new DateTimeOffset(VisitsKit.Date(VisitsKit.Visit(visits, "V1"), "windowStart").ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await RunJobsAsync();
        (await TodoTasksAsync(v1)).Count.ShouldBe(1);
        using var nurse = await SignInAsync(s.Nurse);
        VisitsKit.Visit(await VisitsKit.VisitsAsync(nurse, subjectId), "V1").GetProperty("status").GetString().ShouldBe("Open");
        (await s.InDbAsync(db => db.Notifications.CountAsync(n => n.ProjectId == s.ProjectId && n.Template == "visit-window-closing"))).ShouldBe(0);

        // Two days before the window closes (day 16): the nurse and the sub-investigator are reminded.
        app.Clock.Set(start.AddDays(16).AddHours(1));
        await RunJobsAsync();
        var reminded = await s.InDbAsync(db => db.Notifications.Where(n => n.ProjectId == s.ProjectId && n.Template == "visit-window-closing")
            .Select(n => n.RecipientUserName).Distinct().ToListAsync());
        reminded.ShouldContain(s.Nurse.UserName);
        reminded.ShouldContain(s.SubInvestigator.UserName);
        (await TodoTasksAsync(v1)).Count.ShouldBe(1);

        // The window closes (after day 17) without the visit: missed, a deviation candidate, no task left.
        app.Clock.Set(start.AddDays(19));
        await RunJobsAsync();
        (await TodoTasksAsync(v1)).ShouldBeEmpty();
        using var nurseLater = await SignInAsync(s.Nurse);
        VisitsKit.Visit(await VisitsKit.VisitsAsync(nurseLater, subjectId), "V1").GetProperty("status").GetString().ShouldBe("Missed");
        var candidate = await s.InDbAsync(db => db.DeviationCandidates.SingleAsync(d => d.Kind == DeviationKind.MissedVisit && d.Source == $"visit:{v1}"));
        candidate.SubjectId.ShouldBe(subjectId);
        candidate.Description.ShouldContain("V1");
        // Done late after all, it is recorded out of its window.
        var late = await (await VisitsKit.RecordAsync(nurseLater, subjectId, "V1", Today)).ReadAsync<JsonElement>();
        late.GetProperty("status").GetString().ShouldBe("Done");
        late.GetProperty("outOfWindow").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_visit_outside_its_window_is_recorded_flagged_with_a_deviation_candidate_and_moves_the_next_visit()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 13);
        var today = Today;
        var visits = await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);
        var scr = VisitsKit.Visit(visits, "SCR").GetProperty("id").GetGuid();
        var v1 = VisitsKit.Visit(visits, "V1").GetProperty("id").GetGuid();

        // In window, with its exam never ordered: done, its to-do task completed, a missed-exam candidate.
        var done = await (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", today)).ReadAsync<JsonElement>();
        done.GetProperty("status").GetString().ShouldBe("Done");
        done.GetProperty("outOfWindow").GetBoolean().ShouldBeFalse();
        (await TodoTasksAsync(scr)).ShouldBeEmpty();
        (await s.InDbAsync(db => db.DeviationCandidates.CountAsync(d => d.SubjectId == subjectId && d.Kind == DeviationKind.MissedExam))).ShouldBe(1);

        // V1 eleven days early: recorded, out of window, a deviation candidate; V2 now counts from V1's actual day.
        var early = await (await VisitsKit.RecordAsync(s.Crc.Client, subjectId, "V1", today)).ReadAsync<JsonElement>();
        early.GetProperty("status").GetString().ShouldBe("Done");
        early.GetProperty("outOfWindow").GetBoolean().ShouldBeTrue();
        var candidate = await s.InDbAsync(db => db.DeviationCandidates.SingleAsync(d => d.Kind == DeviationKind.OutOfWindowVisit && d.Source == $"visit:{v1}"));
        candidate.ProjectId.ShouldBe(s.ProjectId);
        VisitsKit.Date(VisitsKit.Visit(await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId), "V2"), "target").ShouldBe(today.AddDays(28));

        // V1's process, waiting for the window, ends when it opens: the visit is done already.
        app.Clock.Set(app.Clock.GetUtcNow().AddDays(12));
        await RunJobsAsync();
        (await TodoTasksAsync(v1)).ShouldBeEmpty();
        (await s.InDbAsync(db => db.SubjectVisits.Where(v => v.Id == v1).Select(v => v.Status).SingleAsync())).ShouldBe(SubjectVisitStatus.Done);
    }

    [Fact]
    public async Task Bad_visit_records_are_refused_with_the_reason()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 14);
        await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);

        (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "V9", Today)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var future = await (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", Today.AddDays(3))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        future.GetProperty("errors").TryGetProperty("actualDate", out _).ShouldBeTrue(future.ToString());
        (await s.Cra.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR", new { actualDate = Today })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", Today)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await VisitsKit.RecordAsync(s.Nurse.Client, subjectId, "SCR", Today)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_exam_ordered_for_a_visit_goes_to_the_hospital_and_its_result_completes_the_to_do_item()
    {
        using var s = await VisitsKit.StudyAsync(app);
        var subjectId = await VisitsKit.EnrolledSubjectAsync(app, s, 15);
        await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId);

        (await s.Crc.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR/orders", new { examCode = "718-7" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await (await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR/orders", new { examCode = "2345-7" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var ordered = await s.SubInvestigator.Client.PostAsJsonAsync($"/api/subjects/{subjectId}/visits/SCR/orders", new { examCode = "718-7" });
        ordered.StatusCode.ShouldBe(HttpStatusCode.Created, await ordered.Content.ReadAsStringAsync());
        var orderId = (await ordered.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await s.InDbAsync(db => db.VisitExamOrders.CountAsync(o => o.OrderId == orderId && o.SubjectId == subjectId))).ShouldBe(1);

        // The simulated hospital posts the result as a notification: the exam's to-do item is done.
        var done = false;
        for (var i = 0; i < 100 && !done; i++)
        {
            var scr = VisitsKit.Visit(await VisitsKit.VisitsAsync(s.Nurse.Client, subjectId), "SCR");
            done = scr.GetProperty("todo").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == "exam").GetProperty("done").GetBoolean();
            if (!done)
            {
                await Task.Delay(100);
            }
        }
        done.ShouldBeTrue();
        (await s.InDbAsync(db => db.LabResults.CountAsync(r => r.OrderId == orderId))).ShouldBe(1);
    }
}
