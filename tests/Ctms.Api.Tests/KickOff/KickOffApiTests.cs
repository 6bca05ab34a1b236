using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.KickOff;

/// <summary>The kick-off and close-out endpoints on their own: who may do what, bad input, and nothing half saved.</summary>
public sealed class KickOffApiTests(KickOffAppFactory app) : IClassFixture<KickOffAppFactory>
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
}
