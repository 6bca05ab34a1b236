using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Engine;
using Ctms.Api.Tests.Documents;
using Ctms.Domain.Data;
using Ctms.Domain.Documents;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Ethics.Gate;

/// <summary>
/// What the gate, continuing-review and amendment tests share: an initial approval seeded as the committee's decision
/// (P05-P09 are other parts), the gate read through REST, amendments submitted through REST, jobs run on the moved clock.
/// </summary>
public static class GateKit
{
    /// <summary>
    /// The scenario's protocol and consent approved by an initial review decided on the committee, valid for the
    /// committee's interval (12 months) from now, as P09 would have recorded it. Returns the decision's id.
    /// </summary>
    public static async Task<Guid> ApproveInitialAsync(EthicsScenario s, EthicsOutcome outcome = EthicsOutcome.Approve)
    {
        var reviewId = await s.ReviewAsync(ReviewStatus.Decided);
        return await s.InDbAsync(async db =>
        {
            var now = s.App.Clock.GetUtcNow();
            var decision = new EthicsDecision(reviewId, s.ProjectId, outcome, outcome == EthicsOutcome.Approve ? null : "Simplify section 4.",
                s.Chair.UserName, now, now.AddMonths(12));
            db.EthicsDecisions.Add(decision);
            await db.SaveChangesAsync();
            return decision.Id;
        });
    }

    /// <summary>
    /// For the tests of other parts that open enrollment (the kick-off's sign-off, later the subjects): a project with no
    /// ethics material gets a protocol and a consent version, a committee and an approving initial decision, written
    /// through the domain's model, so that its ethics gate is open; a study with its protocol and consent uploaded has
    /// those versions approved.
    /// </summary>
    public static async Task ApproveEthicsAsync(CtmsAppFactory app, Guid projectId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var now = app.Clock.GetUtcNow();
        var committee = new EthicsCommittee("EC-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Ethics committee", now);
        db.EthicsCommittees.Add(committee);
        var review = new EthicsReview(projectId, committee.Id, ReviewKind.Initial, "Initial review", null, "admin", now) { Track = ReviewTrack.Expedited };
        foreach (var code in new[] { "protocol", "icf" })
        {
            // A study that has its protocol or consent already gets its current version approved; one that has none gets one.
            var current = await db.DocumentVersions.Where(v => db.ProjectDocuments.Any(d => d.Id == v.DocumentId && d.ProjectId == projectId && d.Code == code))
                .OrderByDescending(v => v.Number).FirstOrDefaultAsync();
            if (current is not null)
            {
                review.Documents.Add(new ReviewDocument(review.Id, current.Id, code));
                continue;
            }
            var document = new ProjectDocument(projectId, code, code, "admin", now);
            var content = DocumentTestData.Pdf($"{code} {projectId}");
            var version = document.AddVersion(new StoredFile(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), content.Length),
                code + ".pdf", "application/pdf", "admin", now, null);
            db.ProjectDocuments.Add(document);
            db.DocumentVersions.Add(version);
            review.Documents.Add(new ReviewDocument(review.Id, version.Id, code));
        }
        foreach (var step in new[] { ReviewStatus.InFormalReview, ReviewStatus.InExpeditedReview, ReviewStatus.Decided })
        {
            review.MoveTo(step, now);
        }
        db.EthicsReviews.Add(review);
        db.EthicsDecisions.Add(new EthicsDecision(review.Id, projectId, EthicsOutcome.Approve, null, "admin", now, now.AddMonths(12)));
        await db.SaveChangesAsync();
    }

    public static async Task<JsonElement> GateAsync(HttpClient client, Guid projectId)
    {
        var response = await client.GetAsync($"/api/projects/{projectId}/ethics/gate");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.ReadAsync<JsonElement>();
    }

    /// <summary>The codes of the conditions that do not hold.</summary>
    public static IReadOnlyList<string> Failing(JsonElement gate) =>
        [.. gate.GetProperty("conditions").EnumerateArray().Where(c => !c.GetProperty("holds").GetBoolean()).Select(c => c.GetProperty("code").GetString()!)];

    /// <summary>Submits an amendment through REST: the files by code ("protocol", "icf"), the reason and the changes.</summary>
    public static Task<HttpResponseMessage> SubmitAmendmentAsync(HttpClient client, Guid projectId, string? reason, string? changes,
        params (string Code, string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (code, fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, code, fileName);
        }
        if (reason is not null)
        {
            form.Add(new StringContent(reason), "reason");
        }
        if (changes is not null)
        {
            form.Add(new StringContent(changes), "changes");
        }
        return client.PostAsync($"/api/projects/{projectId}/ethics/amendments", form);
    }

    public static Task<int> RunJobsAsync(CtmsAppFactory app) => app.Services.GetRequiredService<JobExecutor>().RunDueAsync(default);

    /// <summary>Tokens last an hour: a client signed in again on the moved clock.</summary>
    public static Task<HttpClient> SignInAsync(CtmsAppFactory app, string userName) => app.ClientForAsync(userName, app.UserPassword);

    /// <summary>The instance, read by an administrator signed in on the current clock (the scenario's token may have expired on a moved clock).</summary>
    public static async Task<JsonElement> InstanceAsync(EthicsScenario s, string instanceId)
    {
        using var admin = await s.App.AdminAsync();
        return await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
    }

    public static async Task<IReadOnlyList<string>> ActiveAsync(EthicsScenario s, string instanceId) =>
        [.. (await InstanceAsync(s, instanceId)).GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!)];

    public static async Task<string> StartAsync(HttpClient starter, string processId, Guid projectId, object variables)
    {
        var response = await starter.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = projectId.ToString(), variables });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The decisions of the project's reviews of a kind, oldest first.</summary>
    public static Task<List<EthicsDecision>> DecisionsAsync(EthicsScenario s, ReviewKind kind) => s.InDbAsync(db =>
        (from d in db.EthicsDecisions.AsNoTracking()
         join r in db.EthicsReviews.AsNoTracking() on d.ReviewId equals r.Id
         where d.ProjectId == s.ProjectId && r.Kind == kind
         orderby d.Id
         select d).ToListAsync());
}
