using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Projects;
using Ctms.Domain.Subjects.Protocol;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Protocol;

/// <summary>
/// The protocol's configuration through REST (O02-O04): the round trip, the e-CRF page versions, the bad input, the roles,
/// and the go-live check (O05) refused with its failing conditions, then passed.
/// </summary>
public sealed class ProtocolConfigurationTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_configuration_comes_back_as_entered_and_pages_are_versioned_on_release()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await ProtocolKit.ConfigureAsync(s, washoutDays: 30);

        var protocol = await ProtocolKit.OkAsync(s.Nurse.Client.GetAsync($"/api/projects/{s.ProjectId}/protocol"));
        var rules = protocol.GetProperty("rules");
        rules.GetProperty("screeningNumberRule").GetString().ShouldBe(ProtocolKit.ScreeningRule);
        rules.GetProperty("subjectNumberRule").GetString().ShouldBe(ProtocolKit.SubjectRule);
        rules.GetProperty("washoutDays").GetInt32().ShouldBe(30);
        protocol.GetProperty("scheduleVersion").GetInt32().ShouldBe(1);
        protocol.GetProperty("arms").EnumerateArray().Select(a => a.GetProperty("code").GetString()).ShouldBe(["A", "B"]);
        var visits = protocol.GetProperty("visits").EnumerateArray().ToList();
        visits.Select(v => v.GetProperty("code").GetString()).ShouldBe(["SCR", "D1", "D29"]);
        var d29 = visits[2];
        d29.GetProperty("reference").GetString().ShouldBe("PreviousVisit");
        d29.GetProperty("offsetDays").GetInt32().ShouldBe(28);
        d29.GetProperty("windowBeforeDays").GetInt32().ShouldBe(3);
        d29.GetProperty("exams").EnumerateArray().Select(e => e.GetString()).ShouldBe(["CBC", "LFT"]);
        d29.GetProperty("dispensing").GetBoolean().ShouldBeTrue();
        d29.GetProperty("ecrfPages").EnumerateArray().Select(e => e.GetString()).ShouldBe(["VITALS", "LABS"]);
        d29.GetProperty("fees").EnumerateArray().Select(e => e.GetString()).ShouldBe(["VISIT-FEE"]);
        protocol.GetProperty("ecrfPages").EnumerateArray().ShouldAllBe(p => p.GetProperty("status").GetString() == "Released");
        var criteria = protocol.GetProperty("criteria").EnumerateArray().ToList();
        criteria.Select(c => c.GetProperty("code").GetString()).ShouldBe(["I1", "I2", "E1"]);
        criteria[2].GetProperty("kind").GetString().ShouldBe("Exclusion");
        criteria[2].GetProperty("expression").GetString().ShouldBe("egfr < 30");

        // A change after the release opens version 2 as a draft; the released version 1 is what data entry reads until it is released.
        var root = $"/api/projects/{s.ProjectId}/protocol/ecrf-pages/VITALS";
        var draft = await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync(root, new
        {
            title = "Vital signs (v2)", schema = ProtocolKit.VitalsSchema, editChecks = Array.Empty<object>(),
        }));
        draft.GetProperty("version").GetInt32().ShouldBe(2);
        draft.GetProperty("status").GetString().ShouldBe("Draft");
        var current = await ProtocolKit.OkAsync(s.Cra.Client.GetAsync(root));
        current.GetProperty("version").GetInt32().ShouldBe(1);
        current.GetProperty("schema").GetString().ShouldBe(ProtocolKit.VitalsSchema);
        current.GetProperty("editChecks")[0].GetProperty("expression").GetString().ShouldBe("systolic = null or systolic < 180");
        var released = await ProtocolKit.OkAsync(s.DataManager.Client.PostAsync($"{root}/release", null));
        released.GetProperty("version").GetInt32().ShouldBe(2);
        released.GetProperty("status").GetString().ShouldBe("Released");
        (await ProtocolKit.OkAsync(s.Cra.Client.GetAsync(root))).GetProperty("title").GetString().ShouldBe("Vital signs (v2)");
        var versions = await s.InDbAsync(db => db.EcrfPages.Where(p => p.ProjectId == s.ProjectId && p.Code == "VITALS").OrderBy(p => p.Version)
            .Select(p => p.Status).ToListAsync());
        versions.ShouldBe([EcrfPageStatus.Superseded, EcrfPageStatus.Released]);

        // Publishing again gives the next schedule version.
        (await ProtocolKit.OkAsync(s.Pi.Client.PostAsync($"/api/projects/{s.ProjectId}/protocol/schedule/publish", null)))
            .GetProperty("version").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_is_saved()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var root = $"/api/projects/{s.ProjectId}/protocol";
        var pi = s.Pi.Client;

        var feel = await (await pi.PutAsJsonAsync($"{root}/criteria/I1", new { kind = "Inclusion", text = "Adult", expression = "age >= >= 18", sequence = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        feel.GetProperty("errors").TryGetProperty("expression", out _).ShouldBeTrue(feel.ToString());
        var page = await (await pi.PutAsJsonAsync($"{root}/ecrf-pages/P1", new { title = "P", schema = """{"components":[]}""", editChecks = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        page.GetProperty("errors").TryGetProperty("schema", out _).ShouldBeTrue(page.ToString());
        await (await pi.PutAsJsonAsync($"{root}/ecrf-pages/P1", new { title = "P", schema = "not json", editChecks = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var check = await (await pi.PutAsJsonAsync($"{root}/ecrf-pages/P1", new
        {
            title = "P", schema = ProtocolKit.LabsSchema, editChecks = new[] { new { code = "C1", field = "alt", expression = "alt <", message = "m" } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        check.GetProperty("errors").TryGetProperty("editChecks", out _).ShouldBeTrue(check.ToString());
        var rule = await (await pi.PutAsJsonAsync($"{root}/rules", new { screeningNumberRule = "S{seq:000}-{hospital}", subjectNumberRule = "{seq}", washoutDays = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        rule.GetProperty("errors").GetProperty("screeningNumberRule")[0].GetString()!.ShouldContain("{hospital}");
        await (await pi.PutAsJsonAsync($"{root}/rules", new { screeningNumberRule = "S-{protocol}", subjectNumberRule = "{seq}", washoutDays = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await pi.PutAsJsonAsync($"{root}/arms/A B", new { name = "Arm", ratio = 1 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await pi.PutAsJsonAsync($"{root}/arms/A", new { name = "Arm", ratio = 0 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await pi.PutAsJsonAsync($"{root}/visits/V1", ProtocolKit.Visit("V", 1, "Consent", 0, -1, 0, [], false, []))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        // Nothing to publish yet; a first visit counted from a previous one cannot be published.
        await (await pi.PostAsync($"{root}/schedule/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await ProtocolKit.OkAsync(pi.PutAsJsonAsync($"{root}/visits/V1", ProtocolKit.Visit("V", 1, "PreviousVisit", 0, 0, 0, [], false, [])));
        await (await pi.PostAsync($"{root}/schedule/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        (await s.InDbAsync(db => db.EligibilityCriteria.CountAsync(c => c.ProjectId == s.ProjectId))).ShouldBe(0);
        (await s.InDbAsync(db => db.EcrfPages.CountAsync(c => c.ProjectId == s.ProjectId))).ShouldBe(0);
        (await s.InDbAsync(db => db.StudyArms.CountAsync(c => c.ProjectId == s.ProjectId))).ShouldBe(0);

        // Releasing twice: the second finds nothing in draft.
        await ProtocolKit.OkAsync(pi.PutAsJsonAsync($"{root}/ecrf-pages/P1", new { title = "P", schema = ProtocolKit.LabsSchema, editChecks = Array.Empty<object>() }));
        await ProtocolKit.OkAsync(pi.PostAsync($"{root}/ecrf-pages/P1/release", null));
        (await (await pi.PostAsync($"{root}/ecrf-pages/P1/release", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("already released");
        await (await pi.PostAsync($"{root}/ecrf-pages/NOPE/release", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_PI_and_the_data_manager_configure_and_an_outsider_learns_nothing()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var root = $"/api/projects/{s.ProjectId}/protocol";
        await (await s.Crc.Client.PutAsJsonAsync($"{root}/arms/A", new { name = "Arm", ratio = 1 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Nurse.Client.PutAsJsonAsync($"{root}/criteria/I1", new { kind = "Inclusion", text = "Adult", expression = "age >= 18", sequence = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Outsider.Client.GetAsync(root)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Outsider.Client.PutAsJsonAsync($"{root}/arms/A", new { name = "Arm", ratio = 1 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await ProtocolKit.OkAsync(s.DataManager.Client.PutAsJsonAsync($"{root}/arms/A", new { name = "Arm", ratio = 2 }));
        (await ProtocolKit.OkAsync(s.Pharmacist.Client.GetAsync(root))).GetProperty("arms")[0].GetProperty("ratio").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task The_go_live_is_refused_with_the_failing_conditions_then_passes_once_the_protocol_is_complete()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        var url = $"/api/projects/{s.ProjectId}/go-live";
        var check = await ProtocolKit.OkAsync(s.Secretary.Client.GetAsync(url));
        check.GetProperty("passed").GetBoolean().ShouldBeFalse();
        Failing(check).ShouldBe(["arms", "schedule-published", "inclusion-criteria", "randomization-locked"], ignoreOrder: true);
        var refused = await (await s.Secretary.Client.PostAsync(url, null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        refused.GetProperty("detail").GetString()!.ShouldContain("[arms]");
        refused.GetProperty("detail").GetString()!.ShouldContain("[schedule-published]");

        await ProtocolKit.ConfigureAsync(s);
        // A visit names a page that is only a draft: not yet.
        await ProtocolKit.OkAsync(s.Pi.Client.PutAsJsonAsync($"/api/projects/{s.ProjectId}/protocol/ecrf-pages/AE", new
        {
            title = "Adverse events", schema = ProtocolKit.LabsSchema, editChecks = Array.Empty<object>(),
        }));
        await ProtocolKit.OkAsync(s.Pi.Client.PutAsJsonAsync($"/api/projects/{s.ProjectId}/protocol/visits/EOS",
            ProtocolKit.Visit("End of study", 4, "PreviousVisit", 28, 3, 3, [], false, ["AE"])));
        Failing(await ProtocolKit.OkAsync(s.Pi.Client.GetAsync(url))).ShouldBe(["ecrf-released"]);
        await ProtocolKit.OkAsync(s.Pi.Client.PostAsync($"/api/projects/{s.ProjectId}/protocol/ecrf-pages/AE/release", null));

        // The PI does not confirm a go-live: the CTI office does.
        await (await s.Pi.Client.PostAsync(url, null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var passed = await ProtocolKit.OkAsync(s.Secretary.Client.PostAsync(url, null));
        passed.GetProperty("passed").GetBoolean().ShouldBeTrue();
        var at = passed.GetProperty("goLiveAt").GetDateTimeOffset();
        (await s.InDbAsync(db => db.ProtocolSetups.Where(p => p.ProjectId == s.ProjectId).Select(p => p.GoLiveBy).SingleAsync())).ShouldBe(s.Secretary.UserName);
        (await ProtocolKit.OkAsync(s.Pi.Client.GetAsync($"/api/projects/{s.ProjectId}/protocol"))).GetProperty("goLiveAt").GetDateTimeOffset().ShouldBe(at);
    }

    [Fact]
    public async Task The_go_live_waits_for_the_ethics_gate_and_the_kick_off()
    {
        using var s = await SubjectStudy.CreateAsync(app, ProjectStatus.Contracted, approveEthics: false);
        await ProtocolKit.ConfigureAsync(s);
        var check = await ProtocolKit.OkAsync(s.Secretary.Client.GetAsync($"/api/projects/{s.ProjectId}/go-live"));
        Failing(check).ShouldBe(["ethics-gate", "project-enrolling"], ignoreOrder: true);
        await (await s.Secretary.Client.PostAsync($"/api/projects/{s.ProjectId}/go-live", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await s.InDbAsync(db => db.ProtocolSetups.Where(p => p.ProjectId == s.ProjectId).Select(p => p.GoLiveAt).SingleAsync())).ShouldBeNull();
    }

    [Theory]
    [InlineData("S{seq:000}", 7, "S007")]
    [InlineData("{protocol}-{site}-{seq:0000}", 12, "ABC-01-0012")]
    [InlineData("SCR{yyyy}{seq}", 3, "SCR20263")]
    public void A_numbering_rule_formats_its_placeholders(string rule, int seq, string expected)
    {
        NumberingRule.Error(rule).ShouldBeNull();
        NumberingRule.Format(rule, seq, "ABC", "01", new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("S{seq:000}{seq}")]
    [InlineData("S{sequence}")]
    [InlineData("S{seq:abc}")]
    [InlineData("S{seq")]
    [InlineData("{protocol}")]
    public void A_bad_numbering_rule_says_why(string rule) => NumberingRule.Error(rule).ShouldNotBeNull();

    private static List<string> Failing(JsonElement check) =>
        [.. check.GetProperty("conditions").EnumerateArray().Where(c => !c.GetProperty("holds").GetBoolean()).Select(c => c.GetProperty("code").GetString()!)];
}
