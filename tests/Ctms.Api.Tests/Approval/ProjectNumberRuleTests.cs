using Ctms.Domain.Projects;

namespace Ctms.Api.Tests.Approval;

/// <summary>The project number rule: its tokens, padding, the sequence among existing numbers, and malformed rules.</summary>
public sealed class ProjectNumberRuleTests
{
    private static readonly DateTimeOffset March2026 = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

    private static Project Study(TrialPhase phase = TrialPhase.PhaseIII, ProjectType type = ProjectType.InvestigatorInitiated, string? department = "Oncology Ward")
    {
        var project = new Project("PRO-1", "A study", "Sponsor", March2026);
        project.Describe("A study", "Sponsor", null, phase, type, department, null, 10);
        return project;
    }

    [Theory]
    [InlineData("{year}-{phase}-{seq:000}", "2026-III-007")]
    [InlineData("CTI{yy}{month:00}-{type}{seq:0000}", "CTI2603-I0007")]
    [InlineData("{dept}/{month}/{seq}", "OncologyWard/3/7")]
    public void Tokens_render_from_the_project_and_the_approval_date(string text, string expected) =>
        ProjectNumberRule.Parse(text).Format(Study(), March2026, 7).ShouldBe(expected);

    [Fact]
    public void A_device_trial_and_a_project_without_department_have_codes_too() =>
        ProjectNumberRule.Parse("{phase}-{type}-{dept}-{seq:00}").Format(Study(TrialPhase.Device, ProjectType.SponsorInitiated, null), March2026, 12)
            .ShouldBe("D-S-NA-12");

    [Fact]
    public void A_sequence_wider_than_its_padding_is_not_cut() =>
        ProjectNumberRule.Parse("{year}-{seq:00}").Format(Study(), March2026, 123).ShouldBe("2026-123");

    [Fact]
    public void The_next_sequence_counts_only_numbers_of_the_same_prefix_and_suffix()
    {
        string[] taken = ["2026-III-001", "2026-III-004", "2026-II-009", "2025-III-010", "2026-III-00x", "2026-III-"];
        ProjectNumberRule.NextSequence(taken, "2026-III-", "").ShouldBe(5);
        ProjectNumberRule.NextSequence(taken, "2027-III-", "").ShouldBe(1, "a new year starts again at one");
        ProjectNumberRule.NextSequence(["A-003-X", "A-004-Y"], "A-", "-X").ShouldBe(4);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{year}-{phase}", "no {seq}")]
    [InlineData("{year}-{seq}-{seq:00}", "more than one {seq}")]
    [InlineData("{year}-{site}-{seq}", "Unknown token {site}")]
    [InlineData("{year-{seq}", "Unknown token")]
    [InlineData("{year}-{seq:00", "not closed")]
    [InlineData("{year}}-{seq}", "closes no token")]
    [InlineData("{seq:0a0}", "Unknown token {seq:0a0}")]
    public void A_malformed_rule_is_refused_with_what_is_wrong(string text, string message) =>
        Should.Throw<FormatException>(() => ProjectNumberRule.Parse(text)).Message.ShouldContain(message);

    [Fact]
    public async Task The_host_does_not_start_with_a_malformed_rule_and_names_the_setting()
    {
        await using var app = new SqliteAppFactory();
        await app.InitializeAsync();
        app.Settings["Projects:NumberRule"] = "{year}-{nope}-{seq}";
        var failure = Should.Throw<InvalidOperationException>(() => app.CreateClient());
        failure.Message.ShouldContain("Projects:NumberRule");
        failure.Message.ShouldContain("{nope}");
    }
}
