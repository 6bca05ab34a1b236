using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Contracts;

/// <summary>
/// P10, P11 and A07 as deployed from process-definitions/, through the REST API, each step done by the role that owns
/// it and refused to others: the happy path and the revision loop (or, for P11, a refused signature) of each.
/// </summary>
public abstract class ContractProcessTests(CtmsAppFactory app)
{
    private static object Draft(object[] lines) => new { contractTitle = "Clinical trial agreement", currency = "CNY", lines };

    private static readonly object Approve = new { decision = "Approve" };

    private static readonly object Sign = new { confirmSignature = true };

    [Fact]
    public async Task P10_the_CTI_office_drafts_and_the_office_finance_and_the_PI_approve_in_parallel_so_the_contract_is_ready_to_sign()
    {
        var s = await ContractScenario.CreateAsync(app);
        var instanceId = await s.StartAsync("P10-contract-review", new { });

        (await s.TaskAsync(s.Crc, "draft")).ShouldBeNull();
        (await s.TryCompleteAsync(s.Secretary, s.Crc, "draft", Draft(ContractScenario.Lines()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // The form is checked on the server: a line without its kind is refused and nothing moves.
        var incomplete = await (await s.TryCompleteAsync(s.Secretary, s.Secretary, "draft",
            Draft([new { description = "Subject fee", unitAmount = 5000m, quantity = 40m }]))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        incomplete.GetProperty("errors").GetProperty("lines.0.kind")[0].GetString().ShouldBe("Field is required.");
        await s.CompleteAsync(s.Secretary, "draft", Draft(ContractScenario.Lines()));

        var contract = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        contract.GetProperty("status").GetString().ShouldBe("UnderReview");
        contract.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.LinesTotal);

        (await s.TaskAsync(s.OtherPi, "reviewPi")).ShouldBeNull();
        (await s.TryCompleteAsync(s.Pi, s.OtherPi, "reviewPi", Approve)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.TaskAsync(s.Applicant, "reviewFinance")).ShouldBeNull();
        await s.CompleteAsync(s.Finance, "reviewFinance", Approve);
        await s.CompleteAsync(s.Pi, "reviewPi", Approve);
        await s.CompleteAsync(s.Secretary, "reviewOffice", Approve);

        var instance = await s.InstanceAsync(instanceId);
        instance.GetProperty("status").GetString().ShouldBe("Completed");
        instance.GetProperty("variables").GetProperty("budgetTotal").GetDecimal().ShouldBe(ContractScenario.LinesTotal);
        instance.GetProperty("variables").GetProperty("piUserName").GetString().ShouldBe(s.PiName);
        var ready = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        ready.GetProperty("status").GetString().ShouldBe("ReadyToSign");
        ready.GetProperty("reviews").EnumerateArray().Select(r => (r.GetProperty("reviewerRole").GetString(), r.GetProperty("decision").GetString()))
            .ShouldBe([("finance-officer", "Approve"), ("pi", "Approve"), ("cti-secretary", "Approve")], ignoreOrder: true);
        (await s.NotifiedAsync("contract-ready-to-sign")).ShouldContain(s.ApplicantName);
        (await s.NotifiedAsync("contract-ready-to-sign")).ShouldContain(s.PiName);
    }

    [Fact]
    public async Task P10_a_request_for_changes_sends_the_draft_back_and_the_second_round_is_reviewed_again()
    {
        var s = await ContractScenario.CreateAsync(app);
        var instanceId = await s.StartAsync("P10-contract-review", new { });
        await s.CompleteAsync(s.Secretary, "draft", Draft(ContractScenario.Lines()));

        // Requesting changes needs a reason: the domain refuses, the task stays open.
        await (await s.TryCompleteAsync(s.Finance, s.Finance, "reviewFinance", new { decision = "RequestChanges" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await s.CompleteAsync(s.Finance, "reviewFinance", new { decision = "RequestChanges", comment = "Overhead is 25 % at this hospital" });
        await s.CompleteAsync(s.Pi, "reviewPi", Approve);
        await s.CompleteAsync(s.Secretary, "reviewOffice", Approve);

        (await s.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Active");
        (await s.TaskAsync(s.Secretary, "draft")).ShouldNotBeNull();
        var returned = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        returned.GetProperty("status").GetString().ShouldBe("ChangesRequested");
        (await s.NotifiedAsync("contract-changes-requested")).ShouldNotBeEmpty();

        var lines = ContractScenario.Lines()[..4].Append(new { kind = "Overhead", description = "Institution overhead", unitAmount = 25m, quantity = 1m }).ToArray();
        await s.CompleteAsync(s.Secretary, "draft", Draft(lines));
        await s.CompleteAsync(s.Finance, "reviewFinance", Approve);
        await s.CompleteAsync(s.Pi, "reviewPi", Approve);
        await s.CompleteAsync(s.Secretary, "reviewOffice", Approve);

        (await s.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
        var ready = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        ready.GetProperty("status").GetString().ShouldBe("ReadyToSign");
        ready.GetProperty("reviewRound").GetInt32().ShouldBe(2);
        ready.GetProperty("total").GetDecimal().ShouldBe(377_150.00m);
        ready.GetProperty("reviews").GetArrayLength().ShouldBe(6);
    }

    [Fact]
    public async Task P11_the_sponsor_the_hospital_and_the_PI_sign_and_the_project_is_contracted()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.DraftAndSubmitAsync();
        await s.ApproveAllAsync();
        var instanceId = await s.StartAsync("P11-contract-signing", new { applicantUserName = s.ApplicantName, piUserName = s.PiName });

        (await s.TaskAsync(s.Finance, "signHospital")).ShouldBeNull();
        (await s.TryCompleteAsync(s.Director, s.Finance, "signHospital", Sign)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.TaskAsync(s.Pi, "signSponsor")).ShouldBeNull();
        await s.CompleteAsync(s.Applicant, "signSponsor", Sign);
        await s.CompleteAsync(s.Director, "signHospital", new { confirmSignature = true, meaning = "Signed on behalf of the hospital by its CTI director" });
        (await s.ProjectStatusAsync()).ShouldBe("Approved");
        await s.CompleteAsync(s.Pi, "signPi", Sign);

        var instance = await s.InstanceAsync(instanceId);
        instance.GetProperty("status").GetString().ShouldBe("Completed");
        instance.GetProperty("variables").GetProperty("budgetRevision").GetInt32().ShouldBe(1);
        (await s.ProjectStatusAsync()).ShouldBe("Contracted");
        var contract = await (await s.Applicant.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        contract.GetProperty("status").GetString().ShouldBe("Signed");
        var signatures = contract.GetProperty("signatures").EnumerateArray().ToList();
        signatures.Select(x => x.GetProperty("party").GetString()).ShouldBe(["Sponsor", "Hospital", "PrincipalInvestigator"], ignoreOrder: true);
        signatures.Single(x => x.GetProperty("party").GetString() == "Hospital").GetProperty("meaning").GetString().ShouldBe("Signed on behalf of the hospital by its CTI director");
        signatures.ShouldAllBe(x => x.GetProperty("contentHash").GetString() == contract.GetProperty("contentHash").GetString());
        (await s.NotifiedAsync("contract-signed")).ShouldContain(s.ApplicantName);
    }

    [Fact]
    public async Task P11_a_refused_signature_leaves_its_task_open_and_nothing_signed()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.DraftAndSubmitAsync();
        await s.ApproveAllAsync();
        var instanceId = await s.StartAsync("P11-contract-signing", new { applicantUserName = s.ApplicantName, piUserName = s.PiName });
        // Without the confirmation the form refuses; the hospital signs.
        await (await s.TryCompleteAsync(s.Applicant, s.Applicant, "signSponsor", new { confirmSignature = false })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await s.CompleteAsync(s.Director, "signHospital", Sign);

        // The applicant's membership is revoked: the sponsor's signature is refused by the domain and the task stays open.
        var members = await (await s.Secretary.GetAsync($"/api/projects/{s.ProjectId}/members")).ReadAsync<JsonElement>();
        var applicant = members.EnumerateArray().Single(m => m.GetProperty("role").GetString() == "applicant").GetProperty("id").GetString();
        (await s.Secretary.DeleteAsync($"/api/projects/{s.ProjectId}/members/{applicant}?reason=Sponsor+changed")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await s.TryCompleteAsync(s.Applicant, s.Applicant, "signSponsor", Sign)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await s.TaskAsync(s.Applicant, "signSponsor")).ShouldNotBeNull();
        (await s.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Active");
        var contract = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        contract.GetProperty("status").GetString().ShouldBe("ReadyToSign");
        contract.GetProperty("signatures").EnumerateArray().Select(x => x.GetProperty("party").GetString()).ShouldBe(["Hospital"]);
        (await s.ProjectStatusAsync()).ShouldBe("Approved");
    }

    [Fact]
    public async Task A07_finance_and_the_director_approve_both_parties_sign_and_the_amendment_is_budget_revision_two()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.SignedContractAsync();
        var instanceId = await s.StartAsync("A07-contract-amendment", new { applicantUserName = s.ApplicantName, lines = ContractScenario.Lines() });

        (await s.TaskAsync(s.Finance, "propose")).ShouldBeNull();
        await s.CompleteAsync(s.Secretary, "propose", new { amendmentReason = "Visit fee raised; MRI added", effectiveFrom = "2027-01-01", lines = ContractScenario.AmendedLines() });
        (await s.TaskAsync(s.Director, "reviewFinance")).ShouldBeNull();
        await s.CompleteAsync(s.Finance, "reviewFinance", Approve);
        (await s.TaskAsync(s.Finance, "approveDirector")).ShouldBeNull();
        await s.CompleteAsync(s.Director, "approveDirector", Approve);
        (await s.TryCompleteAsync(s.Applicant, s.Pi, "signSponsor", Sign)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await s.CompleteAsync(s.Applicant, "signSponsor", Sign);
        await s.CompleteAsync(s.Director, "signHospital", Sign);

        var instance = await s.InstanceAsync(instanceId);
        instance.GetProperty("status").GetString().ShouldBe("Completed");
        instance.GetProperty("variables").GetProperty("budgetRevision").GetInt32().ShouldBe(2);
        var budget = await (await s.Finance.GetAsync($"{s.Contract}/budget")).ReadAsync<JsonElement>();
        budget.GetProperty("effectiveRevision").GetInt32().ShouldBe(2);
        budget.GetProperty("total").GetDecimal().ShouldBe(ContractScenario.AmendedTotal);
        var revisions = budget.GetProperty("revisions").EnumerateArray().ToList();
        revisions.Select(r => r.GetProperty("total").GetDecimal()).ShouldBe([ContractScenario.LinesTotal, ContractScenario.AmendedTotal]);
        revisions[1].GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("change").GetString(), c.GetProperty("description").GetString()))
            .ShouldBe([("Changed", "Visit fee"), ("Added", "MRI"), ("Changed", "Institution overhead"), ("Removed", "Archiving")]);
        (await s.NotifiedAsync("contract-amended")).ShouldContain(s.ApplicantName);
    }

    [Fact]
    public async Task A07_a_request_for_changes_by_finance_or_the_director_goes_back_to_the_proposal()
    {
        var s = await ContractScenario.CreateAsync(app);
        await s.SignedContractAsync();
        var instanceId = await s.StartAsync("A07-contract-amendment", new { applicantUserName = s.ApplicantName });
        var proposal = new { amendmentReason = "Visit fee raised; MRI added", lines = ContractScenario.AmendedLines() };

        await s.CompleteAsync(s.Secretary, "propose", proposal);
        await s.CompleteAsync(s.Finance, "reviewFinance", new { decision = "RequestChanges", comment = "Attach the sponsor's letter" });
        (await s.TaskAsync(s.Secretary, "propose")).ShouldNotBeNull();
        var returned = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        returned.GetProperty("amendments")[0].GetProperty("status").GetString().ShouldBe("ChangesRequested");

        await s.CompleteAsync(s.Secretary, "propose", proposal);
        await s.CompleteAsync(s.Finance, "reviewFinance", Approve);
        await s.CompleteAsync(s.Director, "approveDirector", new { decision = "RequestChanges", comment = "Effective from next quarter" });
        (await s.TaskAsync(s.Secretary, "propose")).ShouldNotBeNull();
        (await s.NotifiedAsync("contract-amendment-returned")).ShouldNotBeEmpty();

        await s.CompleteAsync(s.Secretary, "propose", new { amendmentReason = "Visit fee raised; MRI added", effectiveFrom = "2027-04-01", lines = ContractScenario.AmendedLines() });
        await s.CompleteAsync(s.Finance, "reviewFinance", Approve);
        await s.CompleteAsync(s.Director, "approveDirector", Approve);
        await s.CompleteAsync(s.Applicant, "signSponsor", Sign);
        await s.CompleteAsync(s.Director, "signHospital", Sign);

        (await s.InstanceAsync(instanceId)).GetProperty("status").GetString().ShouldBe("Completed");
        var contract = await (await s.Secretary.GetAsync(s.Contract)).ReadAsync<JsonElement>();
        var amendment = contract.GetProperty("amendments").EnumerateArray().Single();
        amendment.GetProperty("status").GetString().ShouldBe("Effective");
        amendment.GetProperty("round").GetInt32().ShouldBe(3);
        amendment.GetProperty("effectiveFrom").GetString().ShouldBe("2027-04-01");
        contract.GetProperty("reviews").EnumerateArray().Count(r => r.GetProperty("amendmentId").ValueKind == JsonValueKind.String).ShouldBe(5);
        contract.GetProperty("effectiveRevision").GetInt32().ShouldBe(2);
    }
}

public sealed class ContractProcessTests_Sqlite(SqliteAppFactory app) : ContractProcessTests(app), IClassFixture<SqliteAppFactory>;
