using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Gate;

/// <summary>The ethics gate through REST (before and after the approval, suspended, who may read it) and the kick-off's sign-off behind it.</summary>
public sealed class EthicsGateApiTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Closed_before_the_approval_open_after_it_and_closed_again_when_the_study_is_suspended()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var before = await GateKit.GateAsync(s.Applicant, s.ProjectId);
        before.GetProperty("open").GetBoolean().ShouldBeFalse();
        GateKit.Failing(before).ShouldBe(["protocol-approved", "consent-approved", "approval-current"]);
        before.GetProperty("conditions")[0].GetProperty("detail").GetString().ShouldBe("The current protocol (version 1) is not approved by the ethics committee.");

        await GateKit.ApproveInitialAsync(s, EthicsOutcome.ApproveWithModifications);
        var open = await GateKit.GateAsync(s.Pi, s.ProjectId);
        open.GetProperty("open").GetBoolean().ShouldBeTrue();
        open.GetProperty("protocolVersionId").GetGuid().ShouldBe(s.ProtocolVersionId);
        open.GetProperty("consentVersionId").GetGuid().ShouldBe(s.ConsentVersionId);
        open.GetProperty("conditions").EnumerateArray().ShouldAllBe(c => c.GetProperty("holds").GetBoolean());

        await s.InDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == s.ProjectId);
            project.MoveTo(ProjectStatus.Suspended, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var suspended = await GateKit.GateAsync(s.Secretary, s.ProjectId);
        GateKit.Failing(suspended).ShouldBe(["not-suspended"]);
        suspended.GetProperty("conditions")[3].GetProperty("detail").GetString().ShouldBe("The study is suspended.");
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_project_does_not_learn_of_its_gate()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var (stranger, _) = await app.UserAsync("applicant");
        await (await stranger.GetAsync($"/api/projects/{s.ProjectId}/ethics/gate")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Admin.GetAsync($"/api/projects/{Guid.NewGuid()}/ethics/gate")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/projects/{s.ProjectId}/ethics/continuing-reviews")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_kick_off_cannot_open_enrollment_while_the_gate_is_closed()
    {
        var s = await EthicsScenario.CreateAsync(app, ProjectStatus.Contracted);
        var (office, _) = await app.UserAsync("cti-secretary");
        (await office.PostAsJsonAsync($"/api/projects/{s.ProjectId}/kickoff", new { scheduledAt = "2026-12-01T09:00:00Z", location = "Room 1" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var missing = (await (await office.GetAsync($"/api/projects/{s.ProjectId}/kickoff")).ReadAsync<JsonElement>()).GetProperty("missing")
            .EnumerateArray().Select(m => m.GetString()!).ToList();
        missing.ShouldContain(m => m.StartsWith("the ethics gate is closed (The current protocol (version 1) is not approved", StringComparison.Ordinal));
        var refused = await (await s.Pi.PostAsync($"/api/projects/{s.ProjectId}/kickoff/signoff", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("the ethics gate is closed");

        await GateKit.ApproveInitialAsync(s);
        missing = (await (await office.GetAsync($"/api/projects/{s.ProjectId}/kickoff")).ReadAsync<JsonElement>()).GetProperty("missing")
            .EnumerateArray().Select(m => m.GetString()!).ToList();
        missing.ShouldNotContain(m => m.Contains("ethics", StringComparison.Ordinal));
        missing.ShouldContain("the minutes are empty");
    }

    [Fact]
    public async Task The_kit_s_approval_opens_the_gate_of_a_project_without_ethics_material()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var bare = await s.InDbAsync(async db =>
        {
            var other = new Project("GK-" + Guid.NewGuid().ToString("N")[..8], "Bare study", "Sponsor", app.Clock.GetUtcNow());
            db.Projects.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });
        (await GateKit.GateAsync(s.Admin, bare)).GetProperty("open").GetBoolean().ShouldBeFalse();
        await GateKit.ApproveEthicsAsync(app, bare);
        (await GateKit.GateAsync(s.Admin, bare)).GetProperty("open").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_project_page_shows_the_gate_with_its_reasons_in_both_languages()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var page = await s.Applicant.GetStringAsync($"/projects/{s.ProjectId}");
        page.ShouldContain("data-testid=\"ethics-gate\" data-open=\"false\"");
        page.ShouldContain("Closed: no subject may be enrolled");
        page.ShouldContain("The current protocol (version 1) is not approved by the ethics committee.");
        page.ShouldContain("The study has no ethics approval yet.");

        await GateKit.ApproveInitialAsync(s);
        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/projects/{s.ProjectId}");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        var zh = await (await s.Pi.SendAsync(chinese)).Content.ReadAsStringAsync();
        zh.ShouldContain("data-testid=\"ethics-gate\" data-open=\"true\"");
        zh.ShouldContain("开放：可以入组受试者");
        zh.ShouldContain("当前方案（第 1 版）已获伦理委员会批准。");

        // Someone who may not see the project sees no gate.
        var (stranger, _) = await app.UserAsync("applicant");
        (await stranger.GetStringAsync($"/projects/{s.ProjectId}")).ShouldNotContain("data-testid=\"ethics-gate\"");
    }
}
