using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Approval;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Reviews;

/// <summary>
/// The steps of P05-P07, A02 and A03 as each person does them through the REST API, on an <see cref="EthicsScenario"/>:
/// find the task of the project's process in their inbox by the business key (the project), complete it with the form's
/// variables and, for a signed task, the password.
/// </summary>
internal sealed class ReviewsKit(EthicsScenario s)
{
    public const string P05 = "P05-ethics-application";
    public const string P06 = "P06-ethics-formal-review";
    public const string P07 = "P07-expedited-ethics-review";
    public const string A02 = "A02-sae-report-review";
    public const string A03 = "A03-protocol-deviation-review";

    public EthicsScenario S => s;

    /// <summary>Every checklist question answered "yes".</summary>
    public static Dictionary<string, object?> Checklist(string opinion, string? text = null)
    {
        var variables = Domain.Ethics.Reviews.ReviewChecklist.Questions.ToDictionary(q => q.Key, _ => (object?)"yes");
        variables["opinion"] = opinion;
        variables["opinionText"] = text;
        return variables;
    }

    public Task<HttpResponseMessage> StartAsync(HttpClient client, string processId, object variables) =>
        client.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = s.ProjectId.ToString(), variables });

    /// <summary>The applicant starts P05; returns the instance and the review it opened.</summary>
    public async Task<(string InstanceId, Guid ReviewId)> ApplyAsync(string summary = "Phase III oncology study; main risk neutropenia.")
    {
        var response = await StartAsync(s.Applicant, P05, new { projectId = s.ProjectId.ToString(), committeeId = s.CommitteeId.ToString(), summary });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var instance = await response.ReadAsync<JsonElement>();
        return (instance.GetProperty("id").GetString()!, Guid.Parse(instance.GetProperty("variables").GetProperty("reviewId").GetString()!));
    }

    public async Task<string?> TaskAsync(HttpClient client, string processId, string elementId) =>
        await ApprovalFlow.FindTaskAsync(client, "mine", processId, elementId, s.ProjectId)
        ?? await ApprovalFlow.FindTaskAsync(client, "groups", processId, elementId, s.ProjectId);

    /// <summary>Completes the task as <paramref name="client"/>, found in the inbox of <paramref name="owner"/> (by default the same user).</summary>
    public async Task<HttpResponseMessage> CompleteAsync(HttpClient client, string processId, string elementId, object variables, string? password = null,
        HttpClient? owner = null)
    {
        var taskId = await TaskAsync(owner ?? client, processId, elementId) ?? throw new ShouldAssertException($"{processId}/{elementId} is not open to this user.");
        return password is null
            ? await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables })
            : await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables, signature = new { password } });
    }

    public async Task CompletedAsync(HttpClient client, string processId, string elementId, object variables, string? password = null)
    {
        var response = await CompleteAsync(client, processId, elementId, variables, password);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The secretary's formal review: the track, with the reviewers for the expedited one.</summary>
    public Task CheckAsync(string decision, string[]? reviewers = null, string? comments = null, string processId = P06, string elementId = "check") =>
        CompletedAsync(s.Secretary, processId, elementId, new { formalReviewDecision = decision, reviewers, formalReviewComments = comments });

    /// <summary>A primary reviewer's signed opinion, everything answered "yes".</summary>
    public Task OpinionAsync(EthicsScenario.Seat seat, string opinion = "approve", string? text = null) =>
        CompletedAsync(seat.Client, P07, "opinion", Checklist(opinion, text), s.App.UserPassword);

    public async Task<JsonElement> ReviewAsync(Guid reviewId, HttpClient? client = null) =>
        await (await (client ?? s.Secretary).GetAsync($"/api/ethics/reviews/{reviewId}")).ReadAsync<JsonElement>();

    public async Task<string> StatusAsync(Guid reviewId) => (await ReviewAsync(reviewId)).GetProperty("status").GetString()!;

    public Task<EthicsReview> RowAsync(Guid reviewId) =>
        s.InDbAsync(db => db.EthicsReviews.AsNoTracking().Include(r => r.Documents).Include(r => r.Assignments).SingleAsync(r => r.Id == reviewId));

    /// <summary>The instance's state as the admin sees it.</summary>
    public async Task<JsonElement> InstanceAsync(string instanceId) =>
        await (await s.Admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
}
