using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Ethics.Decisions;

/// <summary>
/// P09 called with an outcome: the chair of the review's committee signs the decision, which is recorded bound to the
/// signature; anyone else is refused and nothing is saved.
/// </summary>
public sealed class EthicsDecisionProcessTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static async Task<string> StartAsync(EthicsScenario s, Guid reviewId, string outcome, string? conditions = null) =>
        (await (await s.Admin.PostAsJsonAsync("/api/process-instances", new
        {
            processId = "P09-ethics-decision",
            businessKey = s.ProjectId.ToString(),
            variables = new { reviewId = reviewId.ToString(), projectId = s.ProjectId.ToString(), outcome, conditions },
        })).ReadAsync<JsonElement>()).GetProperty("id").GetString()!;

    [Fact]
    public async Task The_chair_signs_an_approval_which_is_recorded_with_its_validity_and_a_signature_bound_to_it()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.OnAgenda);
        var instanceId = await StartAsync(s, reviewId, "approve-with-modifications", "Simplify the consent form's section 4.");

        // Another chair (of no seat on this committee) is offered the group's task but may not sign this committee's decision.
        var (otherChair, _) = await app.UserAsync("ec-chair");
        var refused = await s.CompleteAsync(otherChair, instanceId, "sign-decision", new { conditions = "None" }, sign: true);
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.InDbAsync(db => db.EthicsDecisions.CountAsync(d => d.ReviewId == reviewId))).ShouldBe(0);

        (await s.CompleteAsync(s.Chair.Client, instanceId, "sign-decision", new { conditions = "Simplify the consent form's section 4." }, sign: true))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var decision = await s.InDbAsync(db => db.EthicsDecisions.AsNoTracking().SingleAsync(d => d.ReviewId == reviewId));
        decision.Outcome.ShouldBe(EthicsOutcome.ApproveWithModifications);
        decision.Conditions.ShouldBe("Simplify the consent form's section 4.");
        decision.DecidedBy.ShouldBe(s.Chair.UserName);
        decision.ValidUntil.ShouldBe(decision.DecidedAt.AddMonths(12));
        (await s.InDbAsync(db => db.EthicsReviews.AsNoTracking().SingleAsync(r => r.Id == reviewId))).Status.ShouldBe(ReviewStatus.Decided);

        await using var scope = app.Scope();
        var checks = await scope.ServiceProvider.GetRequiredService<SignatureService>().CheckAsync(decision);
        var signature = checks.ShouldHaveSingleItem();
        signature.Intact.ShouldBeTrue();
        signature.SignerUserName.ShouldBe(s.Chair.UserName);
        signature.Meaning.ShouldBe("I sign this decision on behalf of the ethics committee");
        // The completion signed the decision, not the task: one signature in all.
        (await s.InDbAsync(db => db.ElectronicSignatures.CountAsync(e => e.SignerUserName == s.Chair.UserName))).ShouldBe(1);
        (await (await s.Admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Completed");
    }

    [Fact]
    public async Task An_outcome_the_kind_of_review_cannot_have_is_refused_and_the_task_stays_open()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var reviewId = await s.ReviewAsync(ReviewStatus.OnAgenda);
        var instanceId = await StartAsync(s, reviewId, "acknowledge");
        var problem = await (await s.CompleteAsync(s.Chair.Client, instanceId, "sign-decision", new { }, sign: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("outcome")[0].GetString().ShouldBe(
            "A review of kind Initial cannot be decided 'acknowledge'; it can be: approve, approve-with-modifications, revise-and-resubmit, disapprove.");
        (await EthicsScenario.FindTaskAsync(s.Chair.Client, instanceId, "sign-decision")).ShouldNotBeNull();
        (await s.InDbAsync(db => db.ElectronicSignatures.CountAsync(e => e.SignerUserName == s.Chair.UserName))).ShouldBe(0);
    }
}
