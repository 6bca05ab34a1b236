using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Approval;

namespace Ctms.Api.Tests.Walk;

/// <summary>
/// Issue 6's whole first level through the REST API, as the hospital works it: the applicant applies (P01), the CTI
/// secretary reviews (P02), the department head and the PI confirm (P03), the director approves and numbers it (P04),
/// the office drafts the contract and the office, finance and the PI review it (P10), the sponsor, the hospital and the
/// PI sign (P11), and the kick-off meeting's sign-off opens enrollment (P12). Every step is done by the role that owns
/// it, after someone without that role was refused the same step and the refusal reached the audit trail.
/// </summary>
public abstract class ProjectLifeTests(CtmsAppFactory app)
{
    private static readonly object[] Lines =
    [
        new { kind = "PerSubjectFee", description = "Subject fee", unitAmount = 4000.00m, quantity = 40m },
        new { kind = "PerVisitFee", description = "Visit fee", unitAmount = 300.00m, quantity = 240m },
        new { kind = "ExamFee", description = "Echocardiography", unitAmount = 250.00m, quantity = 80m },
        new { kind = "FixedCost", description = "Archiving", unitAmount = 5000.00m, quantity = 1m },
        new { kind = "Overhead", description = "Institution overhead", unitAmount = 20m, quantity = 1m },
    ];

    /// <summary>160,000 + 72,000 + 20,000 + 5,000 = 257,000 of direct costs, + 20 % (51,400) = 308,400.</summary>
    private const decimal Total = 308_400.00m;

    [Fact]
    public async Task A_project_goes_from_the_application_to_enrolling_each_step_by_its_owner_and_refused_to_the_others()
    {
        var flow = await ApprovalFlow.CreateAsync(app);
        var (finance, _) = await flow.OtherAsync("finance-officer");
        var (cra, craName) = await flow.OtherAsync("cra");
        var (crc, crcName) = await flow.OtherAsync("crc");

        // P01: the applicant applies; a CRC may not; the applicant uploads the checklist's materials and submits.
        var refusedStart = await crc.PostAsJsonAsync("/api/process-instances", new
        {
            processId = ApprovalFlow.P01,
            variables = new { protocolNumber = "CRC-" + Guid.NewGuid().ToString("N")[..6], title = "Not mine to apply", phase = "PhaseII", type = "SponsorInitiated" },
        });
        await refusedStart.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await flow.RefusalsAsync(crcName, "/api/process-instances")).ShouldContain("403");

        var (p01, projectId, protocol) = await flow.ApplyAsync("PhaseII", "Cardiology");
        var key = projectId.ToString();
        await RefusedAsync(crc, flow.Applicant, ApprovalFlow.P01, "upload", key, new { materialsUploaded = true });
        await flow.SubmitAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("InFormalReview");

        // P02: the CTI secretary's formal review; the applicant cannot review their own application.
        await RefusedAsync(flow.Applicant, flow.Secretary, ApprovalFlow.P02, "review", key, new { reviewDecision = "accept" });
        await flow.ReviewAsync(projectId, "accept");

        // P03: the department head, then the project's own PI; the applicant cannot confirm for them.
        await RefusedAsync(flow.Applicant, flow.DeptHead, ApprovalFlow.P03, "department", key,
            new { departmentConfirmed = true, capacityOk = true, conflictsDeclared = false });
        await flow.DepartmentAsync(projectId);
        await RefusedAsync(flow.DeptHead, flow.Pi, ApprovalFlow.P03, "pi", key, new { piConfirmed = true });
        await flow.PiAsync(projectId);
        (await flow.StatusAsync(projectId)).ShouldBe("AwaitingApproval");

        // P04: only the CTI director approves; the number follows the rule; the EC now sees the project.
        await RefusedAsync(flow.Secretary, flow.Director, ApprovalFlow.P04, "decide", key, new { decision = "approve" });
        await flow.DecideAsync(projectId, "approve");
        var approved = await flow.ProjectAsync(projectId);
        approved.GetProperty("status").GetString().ShouldBe("Approved");
        approved.GetProperty("projectNumber").GetString()!.ShouldStartWith($"{app.Clock.GetUtcNow().Year}-II-");
        (await flow.InstanceAsync(p01)).GetProperty("status").GetString().ShouldBe("Completed");
        (await (await flow.EcSecretary.GetAsync("/api/projects")).ReadAsync<List<JsonElement>>())
            .ShouldContain(p => p.GetProperty("id").GetGuid() == projectId);

        // P10: the office drafts the budget; the office, finance and the PI review it in parallel; a CRC cannot review.
        (await flow.Secretary.PostAsJsonAsync($"/api/projects/{projectId}/members", new { userName = craName, role = "cra" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await flow.Secretary.PostAsJsonAsync($"/api/projects/{projectId}/members", new { userName = crcName, role = "crc" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var p10 = await StartAsync(flow.Secretary, "P10-contract-review", key, new { });
        await RefusedAsync(crc, flow.Secretary, "P10-contract-review", "draft", key, Draft());
        await CompleteAsync(flow.Secretary, "P10-contract-review", "draft", key, Draft());
        await RefusedAsync(crc, finance, "P10-contract-review", "reviewFinance", key, new { decision = "Approve" });
        await CompleteAsync(finance, "P10-contract-review", "reviewFinance", key, new { decision = "Approve" });
        await CompleteAsync(flow.Pi, "P10-contract-review", "reviewPi", key, new { decision = "Approve" });
        await CompleteAsync(flow.Secretary, "P10-contract-review", "reviewOffice", key, new { decision = "Approve" });
        (await InstanceAsync(flow.Secretary, p10)).GetProperty("status").GetString().ShouldBe("Completed");
        var contract = await (await flow.Secretary.GetAsync($"/api/projects/{projectId}/contract")).ReadAsync<JsonElement>();
        (contract.GetProperty("status").GetString(), contract.GetProperty("total").GetDecimal()).ShouldBe(("ReadyToSign", Total));

        // P11: the sponsor (the applicant), the hospital (the director) and the PI sign; finance cannot sign for the hospital.
        var p11 = await StartAsync(flow.Secretary, "P11-contract-signing", key, new { applicantUserName = flow.ApplicantName, piUserName = flow.PiName });
        await RefusedAsync(finance, flow.Director, "P11-contract-signing", "signHospital", key, new { confirmSignature = true });
        await CompleteAsync(flow.Applicant, "P11-contract-signing", "signSponsor", key, new { confirmSignature = true });
        await CompleteAsync(flow.Director, "P11-contract-signing", "signHospital", key, new { confirmSignature = true });
        await CompleteAsync(flow.Pi, "P11-contract-signing", "signPi", key, new { confirmSignature = true });
        (await InstanceAsync(flow.Secretary, p11)).GetProperty("status").GetString().ShouldBe("Completed");
        (await flow.StatusAsync(projectId)).ShouldBe("Contracted");

        // P12: the office plans the meeting, the project's CRA confirms the monitor, the office records attendance,
        // training and minutes, and the PI's sign-off opens enrollment; the applicant cannot sign it off.
        // The ethics committee approved the protocol and consent meanwhile (P05-P09: their own walk is EthicsWalkTests).
        await Ethics.Gate.GateKit.ApproveEthicsAsync(app, projectId);
        var p12 = await StartAsync(flow.Secretary, "P12-kick-off-meeting", key, new { });
        await CompleteAsync(flow.Secretary, "P12-kick-off-meeting", "Task_planMeeting", key, new { meetingAt = "2026-12-01T09:00Z", location = "CTI meeting room 2" });
        await CompleteAsync(cra, "P12-kick-off-meeting", "Task_confirmMonitor", key, new { affiliation = "CRO Inc.", attending = true });
        var kickOff = await (await flow.Secretary.GetAsync($"/api/projects/{projectId}/kickoff")).ReadAsync<JsonElement>();
        foreach (var participant in kickOff.GetProperty("participants").EnumerateArray())
        {
            var id = participant.GetProperty("id").GetGuid();
            (await flow.Secretary.PutAsJsonAsync($"/api/projects/{projectId}/kickoff/participants/{id}/attendance", new { attended = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await flow.Secretary.PostAsJsonAsync($"/api/projects/{projectId}/kickoff/training", new
            {
                participantId = id, topic = "Protocol", trainer = "Dr. Trainer", trainedOn = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime), evidence = "training log p. 1",
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        await CompleteAsync(flow.Secretary, "P12-kick-off-meeting", "Task_recordMinutes", key, new { minutes = "Protocol v1.0 presented; SAE reporting and IP handling explained." });
        await RefusedAsync(flow.Applicant, flow.Pi, "P12-kick-off-meeting", "Task_signOff", key, new { decision = "sign" });
        await CompleteAsync(flow.Pi, "P12-kick-off-meeting", "Task_signOff", key, new { decision = "sign" });
        (await InstanceAsync(flow.Secretary, p12)).GetProperty("status").GetString().ShouldBe("Completed");

        // Approved, contracted, enrolling: the audited history shows every move, each by the person who made it.
        var project = await flow.ProjectAsync(projectId);
        project.GetProperty("status").GetString().ShouldBe("Enrolling");
        project.GetProperty("protocolNumber").GetString().ShouldBe(protocol);
        var history = await (await flow.Applicant.GetAsync($"/api/projects/{projectId}/history")).ReadAsync<List<JsonElement>>();
        history.Select(h => h.GetProperty("to").GetString()).ShouldBe(
            ["Draft", "Submitted", "InFormalReview", "AwaitingConfirmation", "AwaitingApproval", "Approved", "Contracted", "Enrolling"]);
        history.Select(h => h.GetProperty("userName").GetString()).ShouldBe(
            [flow.ApplicantName, flow.ApplicantName, flow.ApplicantName, flow.SecretaryName, flow.PiName, flow.DirectorName, flow.PiName, flow.PiName]);
    }

    private static object Draft() => new { contractTitle = "Clinical trial agreement", currency = "CNY", lines = Lines };

    private static async Task<string> StartAsync(HttpClient starter, string processId, string businessKey, object variables) =>
        (await (await starter.PostAsJsonAsync("/api/process-instances", new { processId, businessKey, variables })).ReadAsync<JsonElement>()).GetProperty("id").GetString()!;

    private static async Task<JsonElement> InstanceAsync(HttpClient client, string instanceId) =>
        await (await client.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();

    /// <summary>The open task of the project that the owner finds in their inbox (assigned to them or offered to their groups).</summary>
    private static async Task<string> TaskAsync(HttpClient owner, string processId, string elementId, string businessKey)
    {
        foreach (var view in new[] { "mine", "groups" })
        {
            var page = await (await owner.GetAsync($"/api/tasks?view={view}&processId={processId}&elementId={elementId}&businessKey={businessKey}")).ReadAsync<JsonElement>();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetString()!;
            }
        }
        throw new ShouldAssertException($"{processId}/{elementId} of {businessKey} is not in this user's inbox.");
    }

    private static async Task CompleteAsync(HttpClient owner, string processId, string elementId, string businessKey, object variables)
    {
        var response = await owner.PostAsJsonAsync($"/api/tasks/{await TaskAsync(owner, processId, elementId, businessKey)}/complete", new { variables });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Someone without the step's role tries it: refused (403, or 404 where they may not know the task), and the task is still open for its owner.</summary>
    private static async Task RefusedAsync(HttpClient intruder, HttpClient owner, string processId, string elementId, string businessKey, object variables)
    {
        var taskId = await TaskAsync(owner, processId, elementId, businessKey);
        var response = await intruder.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });
        response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], await response.Content.ReadAsStringAsync());
        (await TaskAsync(owner, processId, elementId, businessKey)).ShouldBe(taskId);
    }
}

public sealed class ProjectLifeTests_Sqlite(SqliteAppFactory app) : ProjectLifeTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProjectLifeTests_Postgres(PostgresAppFactory app) : ProjectLifeTests(app), IClassFixture<PostgresAppFactory>;
