using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Ethics.Letters;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Letters;

/// <summary>
/// The letters' test kit: a decided review with its decision signed by the chair (written through the model, as P09's
/// sign-decision and record-ethics-decision leave it), the letter rendered through the API and read back from the DOCX.
/// </summary>
public static class LettersKit
{
    public const string Meaning = "I sign this decision for the committee";

    /// <summary>A decided review of the scenario's project and its decision, signed by the chair; returns the decision's id.</summary>
    public static async Task<Guid> SignedDecisionAsync(EthicsScenario s, EthicsOutcome outcome, string? conditions = null,
        ReviewKind kind = ReviewKind.Initial, ReviewTrack track = ReviewTrack.Expedited)
    {
        var reviewId = await s.ReviewAsync(ReviewStatus.Decided, kind, track);
        return await s.InDbAsync(async db =>
        {
            var now = s.App.Clock.GetUtcNow();
            var decision = new EthicsDecision(reviewId, s.ProjectId, outcome, conditions, s.Chair.UserName, now,
                outcome is EthicsOutcome.Approve or EthicsOutcome.ApproveWithModifications ? now.AddMonths(12) : null);
            db.EthicsDecisions.Add(decision);
            var chair = await db.Users.SingleAsync(u => u.UserName == s.Chair.UserName);
            db.ElectronicSignatures.Add(new ElectronicSignature(decision.SignatureRecordType, decision.SignatureRecordId,
                SignedContent.Hash(decision.SignedContent()), Meaning, chair.Id, s.Chair.UserName, chair.DisplayName, now));
            await db.SaveChangesAsync();
            return decision.Id;
        });
    }

    /// <summary>Renders (again) the decision's letter through the API as the given user.</summary>
    public static Task<HttpResponseMessage> RenderAsync(HttpClient client, Guid decisionId, string? culture = null) =>
        client.PostAsJsonAsync($"/api/ethics/decisions/{decisionId}/letter", new { culture });

    /// <summary>Downloads the decision's letter as the given user and returns its text (one line per paragraph or table row).</summary>
    public static async Task<string> LetterTextAsync(HttpClient client, Guid decisionId)
    {
        var response = await client.GetAsync($"/api/ethics/decisions/{decisionId}/letter");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return LetterDocx.ReadText(stream);
    }

    /// <summary>The file names and SHA-256 of the review's documents, as the letter must list them.</summary>
    public static async Task<List<(string FileName, string Sha256)>> ReviewedDocumentsAsync(EthicsScenario s) =>
        await s.InDbAsync(async db => (await db.DocumentVersions.AsNoTracking()
                .Where(v => v.Id == s.ProtocolVersionId || v.Id == s.ConsentVersionId).Select(v => new { v.FileName, v.Sha256 }).ToListAsync())
            .Select(v => (v.FileName, v.Sha256)).ToList());

    public static async Task<JsonElement> DecisionsAsync(HttpClient client, Guid projectId) =>
        await (await client.GetAsync($"/api/projects/{projectId}/ethics/decisions")).ReadAsync<JsonElement>();
}
