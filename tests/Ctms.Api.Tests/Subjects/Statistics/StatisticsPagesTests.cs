using System.Net.Http.Json;
using Ctms.Api.Tests.Subjects.Safety;
using Ctms.Domain.Subjects;

namespace Ctms.Api.Tests.Subjects.Statistics;

/// <summary>The studio's statistics page (charts and failure reasons) and a subject's safety page, in English and Chinese.</summary>
public sealed class StatisticsPagesTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private const string Chinese = ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN";

    [Fact]
    public async Task The_statistics_page_and_the_safety_page_show_the_counts_and_the_events_in_both_languages()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var failed = await SafetyKit.ConsentedSubjectAsync(s, "ST-" + Guid.NewGuid().ToString("N")[..8]);
        var failure = await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{failed.Id}/screen-failure", new { reason = "Creatinine above the limit" });
        failure.IsSuccessStatusCode.ShouldBeTrue(await failure.Content.ReadAsStringAsync());
        var subject = await SafetyKit.ConsentedSubjectAsync(s, "ST-" + Guid.NewGuid().ToString("N")[..8], SubjectStatus.Enrolled);
        await SafetyKit.RecordAsync(s.Pi.Client, subject.Id, SafetyKit.Ae("Febrile neutropenia", 3, serious: true, criteria: ["hospitalization"]));
        await SafetyKit.RecordAsync(s.Pi.Client, subject.Id, SafetyKit.Ae("Nausea", 1));

        var list = await s.Crc.Client.GetStringAsync($"/projects/{s.ProjectId}/subjects");
        list.ShouldContain($"/projects/{s.ProjectId}/subjects/statistics");

        var stats = await s.Crc.Client.GetStringAsync($"/projects/{s.ProjectId}/subjects/statistics");
        stats.ShouldContain("<h1");
        stats.ShouldContain("Subject statistics");
        stats.ShouldContain("Screening failure reasons");
        stats.ShouldContain("Creatinine above the limit");
        stats.ShouldContain("mud-chart");
        stats.ShouldContain(SubjectLifecycle.Colour(SubjectStatus.ScreenFailed));
        stats.ShouldContain(SubjectLifecycle.Colour(SubjectStatus.Enrolled));
        stats.ShouldContain("data-status=\"ScreenFailed\"");
        stats.ShouldContain("data-status=\"Enrolled\"");

        var safety = await s.Crc.Client.GetStringAsync($"/subjects/{subject.Id}/safety");
        safety.ShouldContain("<h1");
        safety.ShouldContain("Febrile neutropenia");
        safety.ShouldContain("Nausea");
        safety.ShouldContain("data-serious=\"true\"");
        safety.ShouldContain("SAE report due");
        safety.ShouldContain("Possible");

        using var zhStats = new HttpRequestMessage(HttpMethod.Get, $"/projects/{s.ProjectId}/subjects/statistics");
        zhStats.Headers.Add("Cookie", Chinese);
        var zh = await (await s.Crc.Client.SendAsync(zhStats)).Content.ReadAsStringAsync();
        zh.ShouldContain("受试者统计");
        zh.ShouldContain("筛选失败原因");
        using var zhSafety = new HttpRequestMessage(HttpMethod.Get, $"/subjects/{subject.Id}/safety");
        zhSafety.Headers.Add("Cookie", Chinese);
        var zhPage = await (await s.Crc.Client.SendAsync(zhSafety)).Content.ReadAsStringAsync();
        zhPage.ShouldContain("不良事件");
        zhPage.ShouldContain("可能有关");

        (await s.Outsider.Client.GetStringAsync($"/projects/{s.ProjectId}/subjects/statistics")).ShouldContain("data-testid=\"statistics-not-found\"");
        (await s.Outsider.Client.GetStringAsync($"/subjects/{subject.Id}/safety")).ShouldContain("data-testid=\"safety-not-found\"");
    }
}
