using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Tests.Documents;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Approval;

/// <summary>
/// The people of one application (applicant, CTI secretary, department head, PI, CTI director, EC secretary, each a user
/// of their own) and the steps of P01-P04 and A06 as each of them does it through the REST API: find the task of the
/// project in their inbox, complete it with the form's variables.
/// </summary>
internal sealed class ApprovalFlow
{
    public const string P01 = "P01-project-application";
    public const string P02 = "P02-cti-formal-review";
    public const string P03 = "P03-department-pi-confirmation";
    public const string P04 = "P04-project-approval";
    public const string A06 = "A06-return-for-revision";

    private readonly CtmsAppFactory _app;
    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    private ApprovalFlow(CtmsAppFactory app) => _app = app;

    public string ApplicantName { get; private set; } = "";
    public string SecretaryName { get; private set; } = "";
    public string DeptHeadName { get; private set; } = "";
    public string PiName { get; private set; } = "";
    public string DirectorName { get; private set; } = "";
    public string EcSecretaryName { get; private set; } = "";

    public HttpClient Applicant => _clients[ApplicantName];
    public HttpClient Secretary => _clients[SecretaryName];
    public HttpClient DeptHead => _clients[DeptHeadName];
    public HttpClient Pi => _clients[PiName];
    public HttpClient Director => _clients[DirectorName];
    public HttpClient EcSecretary => _clients[EcSecretaryName];

    public static async Task<ApprovalFlow> CreateAsync(CtmsAppFactory app)
    {
        var flow = new ApprovalFlow(app);
        flow.ApplicantName = await flow.AddAsync("applicant");
        flow.SecretaryName = await flow.AddAsync("cti-secretary");
        flow.DeptHeadName = await flow.AddAsync("dept-head");
        flow.PiName = await flow.AddAsync("pi");
        flow.DirectorName = await flow.AddAsync("cti-director");
        flow.EcSecretaryName = await flow.AddAsync("ec-secretary");
        return flow;
    }

    /// <summary>Another user with the role, signed in (a second applicant, another PI).</summary>
    public async Task<(HttpClient Client, string UserName)> OtherAsync(string role)
    {
        var name = await AddAsync(role);
        return (_clients[name], name);
    }

    private async Task<string> AddAsync(string role)
    {
        var (client, name) = await _app.UserAsync(role);
        _clients[name] = client;
        return name;
    }

    /// <summary>Signs everyone in again (after the clock moved past their tokens' lifetime).</summary>
    public async Task SignInAgainAsync()
    {
        foreach (var name in _clients.Keys.ToList())
        {
            _clients[name].Dispose();
            _clients[name] = await _app.ClientForAsync(name, _app.UserPassword);
        }
    }

    /// <summary>The applicant starts P01 with its start form; returns the instance and the project it registered.</summary>
    public async Task<(Guid InstanceId, Guid ProjectId, string Protocol)> ApplyAsync(string phase = "PhaseII", string? department = "Cardiology")
    {
        var protocol = "PRO-" + Guid.NewGuid().ToString("N")[..8];
        var instance = await (await Applicant.PostAsJsonAsync("/api/process-instances", new
        {
            processId = P01,
            variables = new
            {
                protocolNumber = protocol, title = "A study of " + protocol, phase, type = "SponsorInitiated", sponsor = "Sponsor Ltd.",
                cro = "CRO Inc.", department, piUserName = PiName, plannedEnrollment = 40,
            },
        })).ReadAsync<JsonElement>();
        instance.GetProperty("status").GetString().ShouldBe("Active");
        var projectId = Guid.Parse(instance.GetProperty("variables").GetProperty("projectId").GetString()!);
        instance.GetProperty("businessKey").GetString().ShouldBe(projectId.ToString(), "create-project gives P01 its project as business key");
        return (instance.GetProperty("id").GetGuid(), projectId, protocol);
    }

    /// <summary>
    /// The open task <paramref name="elementId"/> of <paramref name="processId"/> for the project, as <paramref name="client"/>
    /// finds it in the inbox view by the project (the business key every process of the application carries); null when none.
    /// </summary>
    public static async Task<string?> FindTaskAsync(HttpClient client, string view, string processId, string elementId, Guid projectId)
    {
        var page = await (await client.GetAsync($"/api/tasks?view={view}&processId={processId}&elementId={elementId}&businessKey={projectId}&limit=200")).ReadAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).FirstOrDefault();
    }

    public static async Task<string> TaskAsync(HttpClient client, string view, string processId, string elementId, Guid projectId) =>
        await FindTaskAsync(client, view, processId, elementId, projectId)
        ?? throw new ShouldAssertException($"No open task {processId}/{elementId} for project {projectId} in the {view} view.");

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, string taskId, object variables) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });

    public static async Task CompletedAsync(HttpClient client, string taskId, object variables)
    {
        var response = await CompleteAsync(client, taskId, variables);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The applicant uploads a PDF for each required document of the checklist still missing; returns how many.</summary>
    public async Task<int> UploadRequiredAsync(Guid projectId, int? only = null)
    {
        var checklist = await (await Applicant.GetAsync($"/api/projects/{projectId}/documents/checklist")).ReadAsync<ChecklistBody>();
        var missing = checklist.Items.Where(i => i.Required && i.DocumentId is null).Take(only ?? int.MaxValue).ToList();
        foreach (var item in missing)
        {
            var response = await DocumentTestData.UploadAsync(Applicant, projectId, item.Code, item.Code + ".pdf", DocumentTestData.Pdf($"{item.Code} of {projectId}"));
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        return missing.Count;
    }

    // The steps, each by the role that owns it.
    public async Task SubmitAsync(Guid projectId)
    {
        await UploadRequiredAsync(projectId);
        await CompletedAsync(Applicant, await TaskAsync(Applicant, "mine", P01, "upload", projectId), new { materialsUploaded = true });
    }

    public async Task<string> ReviewTaskAsync(Guid projectId) => await TaskAsync(Secretary, "groups", P02, "review", projectId);

    public async Task ReviewAsync(Guid projectId, string decision, string? comments = null) =>
        await CompletedAsync(Secretary, await ReviewTaskAsync(projectId), new { reviewDecision = decision, reviewComments = comments });

    public async Task DepartmentAsync(Guid projectId, bool confirmed = true, bool capacityOk = true, bool conflicts = false, string? comment = null) =>
        await CompletedAsync(DeptHead, await TaskAsync(DeptHead, "groups", P03, "department", projectId),
            new { departmentConfirmed = confirmed, capacityOk, conflictsDeclared = conflicts, departmentComment = comment });

    public async Task PiAsync(Guid projectId, bool confirmed = true, string? comment = null) =>
        await CompletedAsync(Pi, await TaskAsync(Pi, "mine", P03, "pi", projectId), new { piConfirmed = confirmed, piComment = comment });

    public async Task<string> DecisionTaskAsync(Guid projectId) => await TaskAsync(Director, "groups", P04, "decide", projectId);

    public async Task DecideAsync(Guid projectId, string decision, string? reason = null, string? projectNumber = null) =>
        await CompletedAsync(Director, await DecisionTaskAsync(projectId), new { decision, decisionReason = reason, projectNumber });

    public async Task ReviseAsync(Guid projectId, string note = "Protocol v2 uploaded") =>
        await CompletedAsync(Applicant, await TaskAsync(Applicant, "mine", A06, "revise", projectId), new { revisionNote = note });

    /// <summary>Walks a new application to the director's decision: applied, submitted, accepted, confirmed.</summary>
    public async Task<(Guid InstanceId, Guid ProjectId, string Protocol)> ToApprovalAsync(string phase = "PhaseII")
    {
        var application = await ApplyAsync(phase);
        await SubmitAsync(application.ProjectId);
        await ReviewAsync(application.ProjectId, "accept");
        await DepartmentAsync(application.ProjectId);
        await PiAsync(application.ProjectId);
        return application;
    }

    /// <summary>The project as the CTI secretary reads it.</summary>
    public async Task<JsonElement> ProjectAsync(Guid projectId) => await (await Secretary.GetAsync($"/api/projects/{projectId}")).ReadAsync<JsonElement>();

    public async Task<string> StatusAsync(Guid projectId) => (await ProjectAsync(projectId)).GetProperty("status").GetString()!;

    /// <summary>The P01 instance as the CTI office sees it.</summary>
    public async Task<JsonElement> InstanceAsync(Guid instanceId) =>
        await (await Secretary.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();

    /// <summary>The notifications sent about the project: (recipient, template, subject, body).</summary>
    public async Task<List<(string To, string Template, string Subject, string Body)>> NotificationsAsync(Guid projectId)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var rows = await db.Notifications.AsNoTracking().Where(n => n.ProjectId == projectId).ToListAsync();
        return rows.OrderBy(n => n.CreatedAt).Select(n => (n.RecipientUserName, n.Template, n.Subject, n.Body)).ToList();
    }

    /// <summary>The audit records of the project's status changes: (new status, who, reason).</summary>
    public async Task<List<(string? Status, string? UserName, string? Reason)>> StatusTrailAsync(Guid projectId)
    {
        using var admin = await _app.AdminAsync();
        var trail = await (await admin.GetAsync($"/api/audit?entityType=Project&entityKey={projectId}&take=500")).ReadAsync<List<AuditBody>>();
        return trail.Where(r => r.Field == "Status").Select(r => (r.NewValue, r.UserName, r.Reason)).ToList();
    }

    /// <summary>The refused attempts the audit trail holds of <paramref name="userName"/> on <paramref name="path"/>: their status codes.</summary>
    public async Task<List<string?>> RefusalsAsync(string userName, string path)
    {
        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var records = await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == "RefusedAttempt" && r.UserName == userName).ToListAsync();
        return records.GroupBy(r => r.EntityKey)
            .Where(g => g.Any(r => r.Field == "Path" && r.NewValue == path))
            .Select(g => g.Single(r => r.Field == "Status").NewValue).ToList();
    }
}
