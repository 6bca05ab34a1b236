using System.Net;
using System.Text.RegularExpressions;
using Ctms.Domain.Ethics.Letters;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Letters;

/// <summary>
/// The ethics pages as first rendered on the server: the applicant's page of the project's ethics shows the decision, its
/// conditions, the letter to download and the chair's signature intact, and broken once the decision was changed behind
/// the signature's back; the EC office's letters page lists the letter and the templates.
/// </summary>
public sealed partial class EthicsPagesTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_applicant_sees_the_decision_its_letter_and_its_signature_which_shows_broken_once_the_decision_changed()
    {
        var s = await EthicsScenario.CreateAsync(app);
        const string conditions = "Translate the consent form into Uyghur.";
        var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.ApproveWithModifications, conditions);
        var letter = await (await LettersKit.RenderAsync(s.Secretary, decisionId)).ReadAsync<EthicsLetterDto>();
        using var browser = await app.StudioClientAsync(s.ApplicantName);

        var page = await browser.GetStringAsync($"/projects/{s.ProjectId}/ethics");
        page.ShouldContain("data-testid=\"ethics-decision\"");
        page.ShouldContain("Approved with modifications");
        page.ShouldContain(conditions);
        page.ShouldContain($"api/ethics/decisions/{decisionId}/letter");
        page.ShouldContain(letter.FileName);
        page.ShouldContain("data-testid=\"signature-intact\"");
        page.ShouldNotContain("data-testid=\"signature-broken\"");
        page.ShouldContain($"({s.Chair.UserName})");

        await s.InDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ethics_decisions SET \"Conditions\" = {"No conditions"} WHERE \"Id\" = {decisionId}"));

        var changed = await browser.GetStringAsync($"/projects/{s.ProjectId}/ethics");
        changed.ShouldContain("data-testid=\"signature-broken\"");
        changed.ShouldNotContain("data-testid=\"signature-intact\"");
        (await browser.GetStringAsync($"/projects/{s.ProjectId}")).ShouldContain("data-testid=\"link-ethics\"");
    }

    [Fact]
    public async Task The_EC_office_lists_the_letters_and_the_templates_and_the_applicant_may_not_open_that_page()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.Approve);
        var letter = await (await LettersKit.RenderAsync(s.Secretary, decisionId)).ReadAsync<EthicsLetterDto>();

        using var office = await app.StudioClientAsync(s.SecretaryName);
        var page = await office.GetStringAsync("/ethics/letters");
        page.ShouldContain(letter.FileName);
        page.ShouldContain("data-testid=\"letter-render\"");
        page.ShouldContain("ethics-letter-approve-with-modifications");
        page.ShouldContain("data-testid=\"nav-ethics-letters\"");

        using var applicant = await app.StudioClientAsync(s.ApplicantName);
        var refused = await (await applicant.GetAsync("/ethics/letters")).Content.ReadAsStringAsync();
        refused.ShouldNotContain(letter.FileName);
        refused.ShouldNotContain("data-testid=\"nav-ethics-letters\"");
    }
}
