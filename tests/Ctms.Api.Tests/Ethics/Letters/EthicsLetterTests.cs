using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Ethics.Letters;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Letters;

/// <summary>
/// The letter of a signed decision: rendered from the EC office's template of its outcome (and kind) into a DOCX that
/// says the outcome, the conditions, the documents with their versions and hashes and the chair's signature
/// manifestation; stored as a version of the project's document; in the applicant's language; with the EC secretary's
/// edited template; and never for a decision changed after it was signed.
/// </summary>
public abstract class EthicsLetterTests(CtmsAppFactory app)
{
    public static TheoryData<EthicsOutcome, string> Outcomes => new()
    {
        { EthicsOutcome.Approve, "Decision: APPROVED." },
        { EthicsOutcome.ApproveWithModifications, "Decision: APPROVED WITH MODIFICATIONS." },
        { EthicsOutcome.ReviseAndResubmit, "Decision: REVISE AND RESUBMIT." },
        { EthicsOutcome.Disapprove, "Decision: DISAPPROVED." },
        { EthicsOutcome.Acknowledge, "Decision: ACKNOWLEDGED." },
        { EthicsOutcome.Suspend, "Decision: SUSPENDED." },
        { EthicsOutcome.Terminate, "Decision: TERMINATED." },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Each_outcome_has_its_letter_with_the_conditions_the_documents_and_the_signature_manifestation(EthicsOutcome outcome, string says)
    {
        var s = await EthicsScenario.CreateAsync(app);
        var conditions = $"Condition for {outcome}: add the pharmacy contact to the consent form.";
        var decisionId = await LettersKit.SignedDecisionAsync(s, outcome, conditions);

        var rendered = await (await LettersKit.RenderAsync(s.Secretary, decisionId)).ReadAsync<EthicsLetterDto>();
        rendered.Template.ShouldBe("ethics-letter-" + EthicsNames.Of(outcome));
        rendered.Culture.ShouldBe("en");
        rendered.FileName.ShouldEndWith(".en.docx");

        var text = await LettersKit.LetterTextAsync(s.Applicant, decisionId);
        text.ShouldContain(says);
        text.ShouldContain(conditions);
        text.ShouldContain($"Our reference: {rendered.Reference}");
        text.ShouldContain("Medical Ethics Committee");
        foreach (var (fileName, sha256) in await LettersKit.ReviewedDocumentsAsync(s))
        {
            text.ShouldContain(fileName);
            text.ShouldContain(sha256);
        }
        text.ShouldContain($"Signed by Test {s.Chair.UserName} ({s.Chair.UserName}) on ");
        text.ShouldContain($"UTC: {LettersKit.Meaning}");

        var stored = await s.InDbAsync(async db => new
        {
            Decision = await db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.Id == decisionId),
            Version = await db.DocumentVersions.AsNoTracking().SingleAsync(v => v.Id == rendered.DocumentVersionId),
            Document = await db.ProjectDocuments.AsNoTracking().SingleAsync(d => d.ProjectId == s.ProjectId && d.Code == RenderEthicsLetter.DocumentCode),
        });
        stored.Decision.LetterDocumentVersionId.ShouldBe(rendered.DocumentVersionId);
        stored.Version.DocumentId.ShouldBe(stored.Document.Id);
        stored.Version.Sha256.ShouldBe(rendered.Sha256);
    }

    [Fact]
    public async Task An_amendment_approval_uses_its_own_template_and_asks_for_re_consent()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.Approve, kind: ReviewKind.Amendment);

        var rendered = await (await LettersKit.RenderAsync(s.Secretary, decisionId)).ReadAsync<EthicsLetterDto>();

        rendered.Template.ShouldBe("ethics-letter-amendment-approve");
        (await LettersKit.LetterTextAsync(s.Pi, decisionId)).ShouldContain("consented again with the approved version");
    }

    [Fact]
    public async Task The_letter_is_in_the_applicants_language_chinese_included()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await s.InDbAsync(async db =>
        {
            var applicant = await db.Users.SingleAsync(u => u.UserName == s.ApplicantName);
            applicant.PreferredCulture = "zh-CN";
            return await db.SaveChangesAsync();
        });
        var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.ApproveWithModifications, "请在知情同意书中补充药房联系方式。");

        var rendered = await (await LettersKit.RenderAsync(s.Secretary, decisionId)).ReadAsync<EthicsLetterDto>();

        rendered.Culture.ShouldBe("zh-CN");
        rendered.Subject.ShouldStartWith("伦理审查批件");
        var text = await LettersKit.LetterTextAsync(s.Applicant, decisionId);
        text.ShouldContain("审查决定：作必要修改后同意。");
        text.ShouldContain("请在知情同意书中补充药房联系方式。");
        text.ShouldContain("文号：" + rendered.Reference);
        text.ShouldContain("电子签名");
        text.ShouldContain("icf-v1.pdf");

        // Asked for in English, the same decision's letter is rendered again in English: a new version of the document.
        var english = await (await LettersKit.RenderAsync(s.Secretary, decisionId, "en")).ReadAsync<EthicsLetterDto>();
        english.VersionNumber.ShouldBe(rendered.VersionNumber + 1);
        (await LettersKit.LetterTextAsync(s.Applicant, decisionId)).ShouldContain("Decision: APPROVED WITH MODIFICATIONS.");
    }

    [Fact]
    public async Task The_letter_follows_the_template_the_EC_secretary_edited_and_only_the_EC_office_may_edit_it()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var edited = """
            subject: Ethics approval {{ reference }}
            Dear {{ project.piName }},

            EDITED BY THE EC OFFICE: the committee approves "{{ project.title }}" ({{ decision.outcome }}) until {{ decision.validUntil }}.
            {%- for d in review.documents %}
            - {{ d.fileName }} version {{ d.version }}
            {%- endfor %}
            """;
        const string path = "/api/ethics/letter-templates/ethics-letter-approve/en";

        (await s.Seats[1].Client.PutAsJsonAsync(path, new { source = edited })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invalid = await s.Secretary.PutAsJsonAsync(path, new { source = "subject: x\n{% if %}" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("Source");
        (await s.Secretary.PutAsJsonAsync("/api/ethics/letter-templates/task-assigned/en", new { source = edited })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var saved = await s.Secretary.PutAsJsonAsync(path, new { source = edited });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        try
        {
            var list = await (await s.Secretary.GetAsync("/api/ethics/letter-templates")).ReadAsync<JsonElement>();
            var approve = list.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "ethics-letter-approve");
            approve.GetProperty("cultures").EnumerateArray().Single(c => c.GetProperty("culture").GetString() == "en").GetProperty("overridden").GetBoolean()
                .ShouldBeTrue();

            var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.Approve);
            var rendered = await (await LettersKit.RenderAsync(s.Secretary, decisionId)).ReadAsync<EthicsLetterDto>();
            rendered.Subject.ShouldBe($"Ethics approval {rendered.Reference}");
            var text = await LettersKit.LetterTextAsync(s.Applicant, decisionId);
            text.ShouldContain("EDITED BY THE EC OFFICE: the committee approves");
            text.ShouldContain("•\tprotocol-v1.pdf version 1");
            text.ShouldContain($"Signed by Test {s.Chair.UserName}");
        }
        finally
        {
            (await s.Secretary.DeleteAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var reverted = await (await s.Secretary.GetAsync(path)).ReadAsync<JsonElement>();
        reverted.GetProperty("origin").GetString().ShouldBe("File");
    }

    [Fact]
    public async Task A_decision_changed_after_signing_shows_its_signature_broken_and_gets_no_letter()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.Approve, "Original condition");
        var before = (await LettersKit.DecisionsAsync(s.Applicant, s.ProjectId)).EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == decisionId);
        before.GetProperty("intact").GetBoolean().ShouldBeTrue();
        before.GetProperty("signatures")[0].GetProperty("intact").GetBoolean().ShouldBeTrue();
        before.GetProperty("signatures")[0].GetProperty("manifestation").GetString()!.ShouldEndWith("UTC: " + LettersKit.Meaning);

        await s.InDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE ethics_decisions SET \"Conditions\" = {"A condition slipped in later"} WHERE \"Id\" = {decisionId}"));

        var after = (await LettersKit.DecisionsAsync(s.Applicant, s.ProjectId)).EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == decisionId);
        after.GetProperty("conditions").GetString().ShouldBe("A condition slipped in later");
        after.GetProperty("intact").GetBoolean().ShouldBeFalse();
        after.GetProperty("signatures")[0].GetProperty("intact").GetBoolean().ShouldBeFalse();

        var refused = await LettersKit.RenderAsync(s.Secretary, decisionId);
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("no longer matches its signature");
        (await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.Id == decisionId))).LetterDocumentVersionId.ShouldBeNull();
    }

    [Fact]
    public async Task Only_those_who_may_read_the_projects_ethics_get_its_letters_and_only_the_EC_office_renders_them()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var decisionId = await LettersKit.SignedDecisionAsync(s, EthicsOutcome.Approve);

        (await LettersKit.RenderAsync(s.Applicant, decisionId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await LettersKit.RenderAsync(s.Seats[2].Client, decisionId)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Applicant.GetAsync($"/api/ethics/decisions/{decisionId}/letter")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LettersKit.RenderAsync(s.Chair.Client, decisionId)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var (stranger, _) = await app.UserAsync("applicant");
        (await stranger.GetAsync($"/api/ethics/decisions/{decisionId}/letter")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/projects/{s.ProjectId}/ethics/decisions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await LettersKit.LetterTextAsync(s.Pi, decisionId)).ShouldContain("Decision: APPROVED.");

        var letters = await (await s.Secretary.GetAsync("/api/ethics/letters")).ReadAsync<JsonElement>();
        letters.EnumerateArray().ShouldContain(d => d.GetProperty("id").GetGuid() == decisionId && d.GetProperty("letter").GetProperty("fileName").GetString()!.EndsWith(".docx"));
        var mine = await (await stranger.GetAsync("/api/ethics/letters")).ReadAsync<JsonElement>();
        mine.EnumerateArray().ShouldNotContain(d => d.GetProperty("id").GetGuid() == decisionId);
    }
}

public sealed class EthicsLetterTests_Sqlite(SqliteAppFactory app) : EthicsLetterTests(app), IClassFixture<SqliteAppFactory>;
