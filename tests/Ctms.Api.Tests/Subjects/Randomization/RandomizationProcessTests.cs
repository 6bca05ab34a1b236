using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Randomization;

/// <summary>
/// O10 through the host: the investigator starts the randomization process, the <c>randomize-subject</c> activity
/// allocates, the pharmacy is told without the arm; a second run for the same subject ends refused with the reason.
/// </summary>
public sealed class RandomizationProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private const string Process = "O10-randomization";

    private static async Task<JsonElement> StartAsync(SubjectStudy s, Member by, Guid subject)
    {
        var started = await by.Client.PostAsJsonAsync("/api/process-instances", new
        {
            processId = Process, businessKey = s.ProjectId.ToString(),
            variables = new { subjectId = subject.ToString(), factors = new { sex = "F", age = "<65" } },
        });
        started.IsSuccessStatusCode.ShouldBeTrue(await started.Content.ReadAsStringAsync());
        var id = (await started.ReadAsync<JsonElement>()).GetProperty("id").GetString();
        return await (await by.Client.GetAsync($"/api/process-instances/{id}")).ReadAsync<JsonElement>();
    }

    [Fact]
    public async Task The_process_randomizes_the_subject_tells_the_pharmacy_without_the_arm_and_refuses_a_second_time()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, ("QZACT", "Qz active", 1), ("QZPBO", "Qz placebo", 1));
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind("process-seed-001"));
        var subject = await RandomizationKit.SubjectAsync(s);

        var instance = await StartAsync(s, s.SubInvestigator, subject);
        var raw = instance.GetRawText();
        raw.ShouldContain("R0001");
        raw.ShouldNotContain("QZACT");
        raw.ShouldNotContain("QZPBO");
        instance.GetProperty("status").GetString().ShouldBe("Completed", raw);
        var allocation = await s.InDbAsync(db => db.SubjectAllocations.SingleAsync(a => a.SubjectId == subject));
        allocation.RandomizedBy.ShouldBe(s.SubInvestigator.UserName);
        var told = await s.InDbAsync(db => db.Notifications.Where(n => n.Template == "subject-randomized" && n.ProjectId == s.ProjectId).ToListAsync());
        told.Select(n => n.RecipientUserName).ShouldBe([s.Pharmacist.UserName]);
        told.ShouldAllBe(n => !n.Body.Contains("QZ") && !n.Subject.Contains("QZ"));

        var again = await StartAsync(s, s.Pi, subject);
        again.GetProperty("status").GetString().ShouldBe("Completed");
        var refusals = await s.InDbAsync(db => db.Notifications.Where(n => n.Template == "subject-randomization-refused" && n.ProjectId == s.ProjectId).ToListAsync());
        refusals.Select(n => n.RecipientUserName).ShouldContain(s.Pi.UserName);
        refusals.ShouldAllBe(n => n.Body.Contains("already randomized") || n.Body.Contains("随机"));
        (await s.InDbAsync(db => db.SubjectAllocations.CountAsync(a => a.SubjectId == subject))).ShouldBe(1);
    }
}
