using System.Net;
using System.Text.Json;
using Ctms.Api.Tests.Subjects.Safety;
using Ctms.Domain.Data;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Statistics;

/// <summary>Progress statistics: subjects by status with colours, by enrollment month, screening failure reasons.</summary>
public sealed class SubjectStatisticsTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Statistics_count_subjects_by_status_month_and_failure_reason_for_readers_only()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await SafetyKit.ConsentedSubjectAsync(s, "ST-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Enrolled);
        await SafetyKit.ConsentedSubjectAsync(s, "ST-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Randomized);
        var failed = await SafetyKit.ConsentedSubjectAsync(s, "ST-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var subject = await db.Subjects.SingleAsync(x => x.Id == failed.Id);
            db.SubjectStatusChanges.Add(subject.MoveTo(SubjectStatus.ScreenFailed, app.Clock.GetUtcNow(), s.Pi.UserName, "ANC below 1.5"));
            await db.SaveChangesAsync();
        }

        (await s.Outsider.Client.GetAsync($"/api/projects/{s.ProjectId}/subjects/statistics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var stats = await (await s.Cra.Client.GetAsync($"/api/projects/{s.ProjectId}/subjects/statistics")).ReadAsync<JsonElement>();
        var byStatus = stats.GetProperty("byStatus").EnumerateArray().ToDictionary(x => x.GetProperty("status").GetString()!, x => x.GetProperty("count").GetInt32());
        (byStatus["Enrolled"], byStatus["Randomized"], byStatus["ScreenFailed"], byStatus["Completed"]).ShouldBe((1, 1, 1, 0));
        stats.GetProperty("byStatus")[0].GetProperty("colour").GetString().ShouldBe(SubjectLifecycle.Colour(SubjectStatus.Screening));
        var month = app.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        stats.GetProperty("byEnrollmentMonth").EnumerateArray().Single().GetProperty("month").GetString().ShouldBe(month);
        stats.GetProperty("byEnrollmentMonth")[0].GetProperty("count").GetInt32().ShouldBe(2);
        var reason = stats.GetProperty("screenFailureReasons").EnumerateArray().Single();
        (reason.GetProperty("reason").GetString(), reason.GetProperty("count").GetInt32()).ShouldBe(("ANC below 1.5", 1));
    }
}
