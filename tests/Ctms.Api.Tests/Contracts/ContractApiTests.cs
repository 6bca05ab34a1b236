using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Contracts;

/// <summary>
/// The contract and its budget through the REST API (P10, P11 and A07 without their processes): money computed on the
/// server, bad lines refused whole, the roles that may review and sign, signatures by password with the signed hash,
/// and an amendment that becomes budget revision 2 with its difference in the history.
/// </summary>
public abstract class ContractApiTests(CtmsAppFactory app)
{
    private static decimal Total(JsonElement line) => line.GetProperty("total").GetDecimal();

    [Fact]
    public async Task Every_total_is_computed_on_the_server_and_a_total_sent_by_the_client_is_ignored()
    {
        var s = await ContractScenario.CreateAsync(app);
        var lines = ContractScenario.Lines().Select(l => JsonSerializer.SerializeToNode(l)!.AsObject()).ToList();
        lines.ForEach(l => l["total"] = 1.00m);
        var draft = await (await s.Secretary.PostAsJsonAsync(s.Contract, new { title = "Clinical trial agreement", lines })).ReadAsync<JsonElement>();

        draft.GetProperty("status").GetString().ShouldBe("Draft");
        draft.GetProperty("currency").GetString().ShouldBe("CNY");
        draft.GetProperty("sponsorParty").GetString().ShouldBe("Acme Pharma");
        draft.GetProperty("croParty").GetString().ShouldBe("Beta CRO");
        draft.GetProperty("number").GetString().ShouldEndWith("-C");
        var computed = draft.GetProperty("lines").EnumerateArray().Select(Total).ToList();
        computed.ShouldBe([200_000.00m, 84_120.00m, 9_600.00m, 8_000.00m, 60_344.00m]);
        draft.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.LinesTotal);

        // Rounding is explicit: 3 × 33.33 at 12.5 % overhead = 99.99 + 12.49875 -> 12.50 (half away from zero).
        var rounded = await (await s.Secretary.PutAsJsonAsync($"{s.Contract}/lines", new
        {
            lines = new object[]
            {
                new { kind = "ExamFee", description = "ECG", unitAmount = 33.33m, quantity = 3m, total = 5m },
                new { kind = "overhead", description = "Overhead", unitAmount = 12.5m, quantity = 1m },
            },
        })).ReadAsync<JsonElement>();
        rounded.GetProperty("lines").EnumerateArray().Select(Total).ShouldBe([99.99m, 12.50m]);
        rounded.GetProperty("total").GetDecimal().ShouldBe(112.49m);

        var budget = await (await s.Finance.GetAsync($"{s.Contract}/budget")).ReadAsync<JsonElement>();
        budget.GetProperty("total").GetDecimal().ShouldBe(112.49m);
        budget.GetProperty("revisions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Negative_amounts_unknown_kinds_and_a_third_decimal_are_refused_by_field_and_nothing_is_saved()
    {
        var s = await ContractScenario.CreateAsync(app);
        var bad = new object[]
        {
            new { kind = "PerSubjectFee", description = "Subject fee", unitAmount = -5000m, quantity = 40m },
            new { kind = "Bribe", description = "Gift", unitAmount = 10m, quantity = 1m },
            new { kind = "ExamFee", description = "", unitAmount = 10.005m, quantity = 0m },
            new { kind = "Overhead", description = "Overhead", unitAmount = 150m, quantity = 1m },
        };
        var problem = await (await s.Secretary.PostAsJsonAsync(s.Contract, new { title = "Agreement", lines = bad })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("lines[0].unitAmount")[0].GetString().ShouldBe("UnitAmount must not be negative.");
        errors.GetProperty("lines[1].kind")[0].GetString()!.ShouldStartWith("Kind must be one of: PerSubjectFee, PerVisitFee, ExamFee, Overhead, FixedCost");
        errors.GetProperty("lines[2].description").GetArrayLength().ShouldBe(1);
        errors.GetProperty("lines[2].unitAmount")[0].GetString().ShouldBe("UnitAmount has at most 2 decimal places.");
        errors.GetProperty("lines[2].quantity")[0].GetString().ShouldBe("Quantity must be greater than zero.");
        errors.GetProperty("lines[3].unitAmount")[0].GetString().ShouldBe("An overhead line's UnitAmount is a percentage between 0 and 100.");
        await (await s.Secretary.GetAsync(s.Contract)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        await s.DraftAndSubmitAsync();
        await (await s.Secretary.PutAsJsonAsync($"{s.Contract}/lines", new { lines = bad })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        // Once submitted the draft is closed: a valid change is a conflict, not a silent edit.
        await (await s.Secretary.PutAsJsonAsync($"{s.Contract}/lines", new { lines = ContractScenario.Lines().Take(1) })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var contract = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        contract.GetProperty("lines").GetArrayLength().ShouldBe(5);
        contract.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.LinesTotal);
    }

    [Fact]
    public async Task A_contract_is_made_only_for_an_approved_project()
    {
        var s = await ContractScenario.CreateAsync(app, approve: false);
        var problem = await (await s.Secretary.PostAsJsonAsync(s.Contract, new { title = "Too early", lines = ContractScenario.Lines() }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString()!.ShouldContain("Draft");
        await (await s.Secretary.GetAsync(s.Contract)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        (await db.Contracts.CountAsync(c => c.ProjectId == s.ProjectId)).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_reviewer_roles_review_and_each_party_is_signed_only_by_its_signer()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.DraftAndSubmitAsync();

        // A CRC of the project and its applicant see the project but may not review; a PI of another study does not see it.
        await (await s.Crc.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.Applicant.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.OtherPi.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await s.Crc.GetAsync(s.Contract)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Finance cannot review as the PI.
        await (await s.Finance.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve", @as = "pi" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // Nobody signs before every reviewer approved.
        await (await s.SignAsync(s.Director, "Hospital")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await s.ApproveAllAsync();
        await (await s.Pi.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        await (await s.SignAsync(s.Finance, "Hospital")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.SignAsync(s.Applicant, "Hospital")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.SignAsync(s.Pi, "Sponsor")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await s.SignAsync(s.Director, "Landlord")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var wrong = await (await s.SignAsync(s.Director, "Hospital", "not-the-password")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        wrong.GetProperty("errors").GetProperty("password")[0].GetString()!.ShouldContain("not correct");
        await (await s.Director.PostAsJsonAsync($"{s.Contract}/signatures", new { party = "Hospital" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var contract = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        contract.GetProperty("status").GetString().ShouldBe("ReadyToSign");
        contract.GetProperty("signatures").GetArrayLength().ShouldBe(0);
        contract.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("reviewerRole").GetString())
            .ShouldBe(["cti-secretary", "finance-officer", "pi"], ignoreOrder: true);

        // The audit trail names who tried.
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var refused = await db.RefusedAttempts.Where(r => r.Path.Contains(s.ProjectId.ToString())).ToListAsync();
        refused.Count(r => r.Status == 403).ShouldBeGreaterThanOrEqualTo(6);
        var audit = await db.AuditRecords.Where(a => a.EntityType == "RefusedAttempt").Select(a => a.UserName).Distinct().ToListAsync();
        audit.ShouldContain(n => n!.StartsWith("crc-"));
    }

    [Fact]
    public async Task A_request_for_changes_closes_the_round_once_all_decided_and_the_redraft_is_reviewed_in_round_two()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.DraftAndSubmitAsync();
        var noReason = await (await s.Finance.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "RequestChanges" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").GetProperty("comment")[0].GetString().ShouldBe("Say which changes you request.");
        (await s.Finance.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "RequestChanges", comment = "Overhead is 25 % here" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.Secretary.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var underReview = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        underReview.GetProperty("status").GetString().ShouldBe("UnderReview");
        var closed = await (await s.Pi.PostAsJsonAsync($"{s.Contract}/reviews", new { decision = "Approve" })).ReadAsync<JsonElement>();
        closed.GetProperty("status").GetString().ShouldBe("ChangesRequested");

        var lines = ContractScenario.Lines()[..4].Append(new { kind = "Overhead", description = "Institution overhead", unitAmount = 25m, quantity = 1m }).ToArray();
        var redrafted = await (await s.Secretary.PutAsJsonAsync($"{s.Contract}/lines", new { lines })).ReadAsync<JsonElement>();
        redrafted.GetProperty("total").GetDecimal().ShouldBe(377_150.00m);
        var round2 = await (await s.Secretary.PostAsync($"{s.Contract}/submit", null)).ReadAsync<JsonElement>();
        round2.GetProperty("reviewRound").GetInt32().ShouldBe(2);
        await s.ApproveAllAsync();
        var ready = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        ready.GetProperty("status").GetString().ShouldBe("ReadyToSign");
        ready.GetProperty("reviews").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task All_signatures_make_the_contract_effective_as_budget_revision_one_and_the_project_contracted()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.DraftAndSubmitAsync();
        await s.ApproveAllAsync();
        (await s.SignAsync(s.Applicant, "Sponsor")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.SignAsync(s.Director, "Hospital")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await s.ProjectStatusAsync()).ShouldBe("Approved");
        await (await s.SignAsync(s.Director, "Hospital")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var signed = await (await s.SignAsync(s.Pi, "PrincipalInvestigator")).ReadAsync<JsonElement>();

        signed.GetProperty("status").GetString().ShouldBe("Signed");
        signed.GetProperty("effectiveRevision").GetInt32().ShouldBe(1);
        var hash = signed.GetProperty("contentHash").GetString()!;
        hash.Length.ShouldBe(64);
        var signatures = signed.GetProperty("signatures").EnumerateArray().ToList();
        signatures.Select(x => x.GetProperty("party").GetString()).ShouldBe(["Sponsor", "Hospital", "PrincipalInvestigator"], ignoreOrder: true);
        signatures.ShouldAllBe(x => x.GetProperty("contentHash").GetString() == hash && x.GetProperty("matchesCurrent").GetBoolean());
        signatures.Single(x => x.GetProperty("party").GetString() == "Sponsor").GetProperty("meaning").GetString().ShouldBe("Signed on behalf of the sponsor Acme Pharma");
        (await s.ProjectStatusAsync()).ShouldBe("Contracted");

        var budget = await (await s.Finance.GetAsync($"{s.Contract}/budget")).ReadAsync<JsonElement>();
        var revision = budget.GetProperty("revisions").EnumerateArray().Single();
        revision.GetProperty("number").GetInt32().ShouldBe(1);
        revision.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.LinesTotal);
        revision.GetProperty("lines").GetArrayLength().ShouldBe(5);
        await (await s.Secretary.PutAsJsonAsync($"{s.Contract}/lines", new { lines = ContractScenario.Lines() })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_signed_amendment_becomes_budget_revision_two_with_its_difference_in_the_history()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.SignedContractAsync();
        var lines = ContractScenario.AmendedLines();
        await (await s.Finance.PostAsJsonAsync($"{s.Contract}/amendments", new { reason = "More visits", lines })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var proposed = await (await s.Secretary.PostAsJsonAsync($"{s.Contract}/amendments", new { reason = "Visit fee raised; MRI added; archiving dropped", lines, effectiveFrom = "2027-01-01" }))
            .ReadAsync<JsonElement>();
        var amendment = proposed.GetProperty("amendments")[0];
        var amendments = $"{s.Contract}/amendments/{amendment.GetProperty("id").GetString()}";
        amendment.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.AmendedTotal);
        await (await s.Secretary.PostAsJsonAsync($"{s.Contract}/amendments", new { reason = "Another", lines })).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Finance reviews first, then the director approves; then the hospital and the sponsor sign.
        await (await s.Director.PostAsJsonAsync($"{amendments}/reviews", new { decision = "Approve", @as = "cti-director" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await s.Pi.PostAsJsonAsync($"{amendments}/reviews", new { decision = "Approve" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await s.Finance.PostAsJsonAsync($"{amendments}/reviews", new { decision = "Approve" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await s.Applicant.PostAsJsonAsync($"{amendments}/signatures", new { party = "Sponsor", password = app.UserPassword })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await s.Director.PostAsJsonAsync($"{amendments}/reviews", new { decision = "Approve" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await s.Pi.PostAsJsonAsync($"{amendments}/signatures", new { party = "PrincipalInvestigator", password = app.UserPassword })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await s.Applicant.PostAsJsonAsync($"{amendments}/signatures", new { party = "Sponsor", password = app.UserPassword })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var effective = await (await s.Director.PostAsJsonAsync($"{amendments}/signatures", new { party = "Hospital", password = app.UserPassword })).ReadAsync<JsonElement>();

        effective.GetProperty("amendments")[0].GetProperty("status").GetString().ShouldBe("Effective");
        effective.GetProperty("effectiveRevision").GetInt32().ShouldBe(2);
        effective.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.AmendedTotal);
        // The original signatures still match what they signed (revision 1), although the budget changed by amendment.
        effective.GetProperty("signatures").EnumerateArray().ShouldAllBe(x => x.GetProperty("matchesCurrent").GetBoolean());

        var budget = await (await s.Finance.GetAsync($"{s.Contract}/budget")).ReadAsync<JsonElement>();
        var revisions = budget.GetProperty("revisions").EnumerateArray().ToList();
        revisions.Select(r => r.GetProperty("number").GetInt32()).ShouldBe([1, 2]);
        var second = revisions[1];
        second.GetProperty("effectiveFrom").GetString().ShouldBe("2027-01-01");
        second.GetProperty("reason").GetString().ShouldBe("Visit fee raised; MRI added; archiving dropped");
        second.GetProperty("totalChange").GetDecimal().ShouldBe(ContractScenario.AmendedTotal - ContractScenario.LinesTotal);
        var changes = second.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("description").GetString()!, c => (Change: c.GetProperty("change").GetString(), Delta: c.GetProperty("totalChange").GetDecimal()));
        changes["Visit fee"].ShouldBe(("Changed", 11_880.00m));
        changes["MRI"].ShouldBe(("Added", 9_000.00m));
        changes["Archiving"].ShouldBe(("Removed", -8_000.00m));
        changes["Institution overhead"].ShouldBe(("Changed", 62_920.00m - 60_344.00m));
        changes.ContainsKey("Subject fee").ShouldBeFalse();
    }
}

public sealed class ContractApiTests_Sqlite(SqliteAppFactory app) : ContractApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ContractApiTests_Postgres(PostgresAppFactory app) : ContractApiTests(app), IClassFixture<PostgresAppFactory>;
