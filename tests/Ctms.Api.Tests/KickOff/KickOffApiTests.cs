using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.KickOff;

/// <summary>The kick-off and close-out endpoints and pages on their own, on both providers: who may do what, bad input, and nothing half saved.</summary>
public abstract class KickOffApiTests(CtmsAppFactory app)
{
    private static string Kickoff(KickOffScenario s, string rest = "") => $"/api/projects/{s.ProjectId}/kickoff{rest}";

    [Fact]
    public async Task Only_the_CTI_office_plans_and_only_a_contracted_project()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Approved);
        var plan = new { scheduledAt = "2026-12-01T09:00:00Z", location = "Room 1" };
        await (await s.Secretary.PostAsJsonAsync(Kickoff(s), plan)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await s.Pi.PostAsJsonAsync(Kickoff(s), plan)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.OtherPi.PostAsJsonAsync(Kickoff(s), plan)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var invalid = await (await s.Secretary.PostAsJsonAsync(Kickoff(s), new { scheduledAt = "2026-12-01T09:00:00Z", location = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").TryGetProperty("location", out _).ShouldBeTrue();
        (await s.InDbAsync(db => db.KickOffMeetings.AnyAsync(m => m.ProjectId == s.ProjectId))).ShouldBeFalse();
        (await s.InDbAsync(db => db.RefusedAttempts.CountAsync(r => r.Path == $"/api/projects/{s.ProjectId}/kickoff"))).ShouldBe(4);
    }

    [Fact]
    public async Task Participants_training_and_sign_off_refuse_bad_input_and_the_wrong_people()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Contracted);
        var kickOff = await (await s.Secretary.PostAsJsonAsync(Kickoff(s), new { scheduledAt = "2026-12-01T09:00:00Z", location = "https://meet.example/ko" }))
            .ReadAsync<JsonElement>();
        kickOff.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldContain("the minutes are empty");

        var both = await (await s.Secretary.PostAsJsonAsync(Kickoff(s, "/participants"), new { userName = s.CraName, externalName = "X", role = "monitor" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        both.GetProperty("errors").TryGetProperty("userName", out _).ShouldBeTrue();
        await (await s.Secretary.PostAsJsonAsync(Kickoff(s, "/participants"), new { userName = s.PiName, role = "pi" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var external = await (await s.Secretary.PostAsJsonAsync(Kickoff(s, "/participants"), new { externalName = "Dr. Medical Monitor", role = "sponsor's medical monitor", affiliation = "Sponsor Ltd." }))
            .ReadAsync<JsonElement>();
        external.GetProperty("userName").ValueKind.ShouldBe(JsonValueKind.Null);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        await (await s.Secretary.PostAsJsonAsync(Kickoff(s, "/training"), new { participantId = Guid.NewGuid(), topic = "Protocol", trainer = "T", trainedOn = today }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Secretary.PostAsJsonAsync(Kickoff(s, "/training"), new { participantId = external.GetProperty("id").GetGuid(), topic = "Astrology", trainer = "T", trainedOn = today }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await s.Cra.PostAsJsonAsync(Kickoff(s, "/training"), new { participantId = external.GetProperty("id").GetGuid(), topic = "Gcp", trainer = "T", trainedOn = today }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Secretary.PutAsJsonAsync(Kickoff(s, "/minutes"), new { minutes = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        // Only the project's PI signs off; the secretary and a sub-investigator may read but not sign.
        await (await s.SubInvestigator.PostAsync(Kickoff(s, "/signoff"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Secretary.PostAsync(Kickoff(s, "/signoff"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var refused = await (await s.Pi.PostAsync(Kickoff(s, "/signoff"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var detail = refused.GetProperty("detail").GetString()!;
        detail.ShouldContain("the minutes are empty");
        detail.ShouldContain($"the PI ({s.PiName}) is not recorded as having attended");
        detail.ShouldContain($"{s.PiName} (pi)");
        (await s.InDbAsync(db => db.TrainingRecords.CountAsync(t => t.ProjectId == s.ProjectId))).ShouldBe(0);
        (await s.ProjectStatusAsync()).ShouldBe("Contracted");

        // A member confirms their own attendance; a CRA of another study cannot.
        await (await s.OtherCra.PostAsJsonAsync(Kickoff(s, "/attendance"), new { affiliation = "Other CRO" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await s.Cra.PostAsJsonAsync(Kickoff(s, "/attendance"), new { affiliation = "CRO Inc." })).ReadAsync<JsonElement>())
            .GetProperty("confirmed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task The_close_out_refuses_steps_out_of_order_and_people_without_the_role()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Contracted);
        var closeout = $"/api/projects/{s.ProjectId}/closeout";
        // A contracted study that never enrolled cannot enter close-out by this path (it would be terminated first).
        await (await s.Secretary.PostAsync(closeout, null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await s.Pi.PutAsJsonAsync($"{closeout}/summary-report", new { summary = "Report" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await s.Pi.PostAsync(closeout, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        using var enrolling = await KickOffScenario.CreateAsync(app, ProjectStatus.Enrolling);
        var path = $"/api/projects/{enrolling.ProjectId}/closeout";
        (await (await enrolling.Secretary.PostAsync(path, null)).ReadAsync<JsonElement>()).GetProperty("projectStatus").GetString().ShouldBe("Closing");
        // The preview shows the summary report missing, without storing anything.
        var preview = await (await enrolling.Pi.GetAsync(path)).ReadAsync<JsonElement>();
        preview.GetProperty("failures").EnumerateArray().Select(f => f.GetString()).ShouldContain("summary-report: The PI has not submitted the summary report.");
        preview.GetProperty("record").GetProperty("checks").GetArrayLength().ShouldBe(0);
        await (await enrolling.Director.PostAsync($"{path}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await enrolling.SubInvestigator.PutAsJsonAsync($"{path}/summary-report", new { summary = "Report" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await enrolling.Pi.PutAsJsonAsync($"{path}/summary-report", new { summary = "", actualEnrollment = -1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await enrolling.Pi.PutAsJsonAsync($"{path}/summary-report", new { summary = "All done.", actualEnrollment = 40 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await enrolling.Pi.PostAsync($"{path}/checks", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await enrolling.Secretary.PostAsync($"{path}/checks", null)).ReadAsync<JsonElement>()).GetProperty("checksAllowArchiving").GetBoolean().ShouldBeTrue();
        await (await enrolling.Secretary.PostAsync($"{path}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await enrolling.Director.PostAsync($"{path}/archive", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await enrolling.ProjectStatusAsync()).ShouldBe("Archived");
        // Archived is final: the report cannot change any more.
        await (await enrolling.Pi.PutAsJsonAsync($"{path}/summary-report", new { summary = "Changed." })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_process_of_the_project_still_running_stops_the_archiving()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Enrolling);
        var path = $"/api/projects/{s.ProjectId}/closeout";
        var stray = await s.StartAsync(s.Secretary, "P12-kick-off-meeting"); // started by mistake, still waiting for its first task
        (await s.Secretary.PostAsync(path, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Pi.PutAsJsonAsync($"{path}/summary-report", new { summary = "Done." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var checks = await (await s.Secretary.PostAsync($"{path}/checks", null)).ReadAsync<JsonElement>();
        checks.GetProperty("checksAllowArchiving").GetBoolean().ShouldBeFalse();
        var failure = checks.GetProperty("failures").EnumerateArray().Select(f => f.GetString()!).ShouldHaveSingleItem();
        failure.ShouldStartWith("open-processes: The process P12-kick-off-meeting");
        failure.ShouldContain(stray);
        var refused = await (await s.Director.PostAsync($"{path}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain(stray);
        (await s.ProjectStatusAsync()).ShouldBe("Closing");
    }

    [Fact]
    public async Task The_studio_pages_show_the_kick_off_and_the_close_out_in_both_languages()
    {
        using var s = await KickOffScenario.CreateAsync(app, ProjectStatus.Contracted);
        (await s.Secretary.PostAsJsonAsync(Kickoff(s), new { scheduledAt = "2026-12-01T09:00:00Z", location = "CTI meeting room 2" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var page = await s.Pi.GetStringAsync($"/projects/{s.ProjectId}/kickoff");
        page.ShouldContain("<h1");
        page.ShouldContain("Kick-off meeting");
        page.ShouldContain("CTI meeting room 2");
        page.ShouldContain(s.SubInvestigatorName);
        page.ShouldContain("SAE reporting"); // a column of the training matrix
        page.ShouldContain("the minutes are empty");

        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/projects/{s.ProjectId}/closeout");
        chinese.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        var closeout = await (await s.Pi.SendAsync(chinese)).Content.ReadAsStringAsync();
        closeout.ShouldContain("结题");
        closeout.ShouldContain("药物清点（药房）");
        closeout.ShouldContain("The pharmacy module is not installed yet.");

        // Another study's PI learns nothing of this one.
        (await s.OtherPi.GetStringAsync($"/projects/{s.ProjectId}/kickoff")).ShouldContain("data-testid=\"kickoff-not-found\"");
    }
}

public sealed class KickOffApiTests_Sqlite(SqliteAppFactory app) : KickOffApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class KickOffApiTests_Postgres(PostgresAppFactory app) : KickOffApiTests(app), IClassFixture<PostgresAppFactory>;
