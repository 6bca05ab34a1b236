using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Contracts;

/// <summary>
/// The people of a contract and their approved project: an applicant who applied (and so is its applicant member), the
/// project's PI, the CTI secretary, a finance officer, the CTI director, a CRC on the project and a PI of another study.
/// The project reaches Approved through the domain (its life cycle's moves, in the factory's scope), since the approval
/// processes P01-P04 are another part of this issue.
/// </summary>
internal sealed class ContractScenario
{
    private ContractScenario(CtmsAppFactory app) => App = app;

    public CtmsAppFactory App { get; }
    public Guid ProjectId { get; private set; }
    public string BusinessKey => ProjectId.ToString();
    public HttpClient Applicant { get; private set; } = null!;
    public string ApplicantName { get; private set; } = "";
    public HttpClient Pi { get; private set; } = null!;
    public string PiName { get; private set; } = "";
    public HttpClient Secretary { get; private set; } = null!;
    public HttpClient Finance { get; private set; } = null!;
    public HttpClient Director { get; private set; } = null!;
    public HttpClient Crc { get; private set; } = null!;
    public HttpClient OtherPi { get; private set; } = null!;

    public string Contract => $"/api/projects/{ProjectId}/contract";

    /// <summary>Creates the people and a project; <paramref name="approve"/> moves it to Approved with its hospital number.</summary>
    public static async Task<ContractScenario> CreateAsync(CtmsAppFactory app, bool approve = true)
    {
        var s = new ContractScenario(app);
        (s.Applicant, s.ApplicantName) = await app.UserAsync("applicant");
        (s.Pi, s.PiName) = await app.UserAsync("pi");
        (s.Secretary, _) = await app.UserAsync("cti-secretary");
        (s.Finance, _) = await app.UserAsync("finance-officer");
        (s.Director, _) = await app.UserAsync("cti-director");
        var (crc, crcName) = await app.UserAsync("crc");
        s.Crc = crc;
        (s.OtherPi, _) = await app.UserAsync("pi");

        var protocol = "CT-" + Guid.NewGuid().ToString("N")[..8];
        var project = await (await s.Applicant.PostAsJsonAsync("/api/projects", new { protocolNumber = protocol, title = "A phase II trial of drug X", sponsor = "Acme Pharma" }))
            .ReadAsync<JsonElement>();
        s.ProjectId = project.GetProperty("id").GetGuid();
        // A PI needs a valid GCP certificate (A04) before the role is given.
        (await s.Secretary.PostAsJsonAsync($"/api/people/investigators/{s.PiName}/certificates",
            new { issuer = "GCP training", certificateNumber = "GCP-" + s.PiName, issuedOn = "2020-01-01", expiresOn = "2099-12-31" })).EnsureSuccessStatusCode();
        (await s.Secretary.PostAsJsonAsync($"/api/projects/{s.ProjectId}/members", new { userName = s.PiName, role = "pi" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await s.Secretary.PostAsJsonAsync($"/api/projects/{s.ProjectId}/members", new { userName = crcName, role = "crc" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var entity = await db.Projects.SingleAsync(p => p.Id == s.ProjectId);
        entity.Describe(entity.Title, entity.Sponsor, "Beta CRO", TrialPhase.PhaseII, ProjectType.SponsorInitiated, "Oncology", s.PiName, 40);
        if (approve)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var status in new[] { ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.AwaitingConfirmation, ProjectStatus.AwaitingApproval, ProjectStatus.Approved })
            {
                entity.MoveTo(status, now);
            }
            entity.AssignNumber($"{now.Year}-II-{Guid.NewGuid().ToString("N")[..6]}");
        }
        await db.SaveChangesAsync();
        return s;
    }

    public async Task<string> ProjectStatusAsync()
    {
        var project = await (await Secretary.GetAsync($"/api/projects/{ProjectId}")).ReadAsync<JsonElement>();
        return project.GetProperty("status").GetString()!;
    }

    /// <summary>A budget: 40 subjects × 5,000.00, 40 × 6 visits × 350.50, 80 exams × 120.00, a fixed cost of 8,000.00 and 20 % overhead.</summary>
    public static object[] Lines() =>
    [
        new { kind = "PerSubjectFee", description = "Subject fee", unitAmount = 5000.00m, quantity = 40m },
        new { kind = "PerVisitFee", description = "Visit fee", unitAmount = 350.50m, quantity = 240m },
        new { kind = "ExamFee", description = "CT scan", unitAmount = 120.00m, quantity = 80m },
        new { kind = "FixedCost", description = "Archiving", unitAmount = 8000.00m, quantity = 1m },
        new { kind = "Overhead", description = "Institution overhead", unitAmount = 20m, quantity = 1m },
    ];

    /// <summary>200,000 + 84,120 + 9,600 + 8,000 = 301,720 of direct costs, + 20 % (60,344) = 362,064.</summary>
    public const decimal LinesTotal = 362_064.00m;

    /// <summary>An amended budget: the visit fee raised to 400.00, an MRI line added, the archiving cost dropped.</summary>
    public static object[] AmendedLines() =>
    [
        new { kind = "PerSubjectFee", description = "Subject fee", unitAmount = 5000.00m, quantity = 40m },
        new { kind = "PerVisitFee", description = "Visit fee", unitAmount = 400.00m, quantity = 240m },
        new { kind = "ExamFee", description = "CT scan", unitAmount = 120.00m, quantity = 80m },
        new { kind = "ExamFee", description = "MRI", unitAmount = 900.00m, quantity = 10m },
        new { kind = "Overhead", description = "Institution overhead", unitAmount = 20m, quantity = 1m },
    ];

    /// <summary>200,000 + 96,000 + 9,600 + 9,000 = 314,600, + 20 % (62,920) = 377,520.</summary>
    public const decimal AmendedTotal = 377_520.00m;

    /// <summary>Drafts the contract through the API as the CTI secretary and sends it to review.</summary>
    public async Task<JsonElement> DraftAndSubmitAsync() =>
        await (await Secretary.PostAsJsonAsync(Contract, new { title = "Clinical trial agreement", lines = Lines(), submitForReview = true })).ReadAsync<JsonElement>();

    /// <summary>Every reviewer approves the round through the API.</summary>
    public async Task ApproveAllAsync()
    {
        foreach (var reviewer in new[] { Secretary, Finance, Pi })
        {
            (await reviewer.PostAsJsonAsync($"{Contract}/reviews", new { decision = "Approve" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    /// <summary>Drafts, reviews and signs the contract through the API: it is effective as budget revision 1.</summary>
    public async Task SignedContractAsync()
    {
        await DraftAndSubmitAsync();
        await ApproveAllAsync();
        foreach (var (signer, party) in new[] { (Applicant, "Sponsor"), (Director, "Hospital"), (Pi, "PrincipalInvestigator") })
        {
            (await SignAsync(signer, party)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    public Task<HttpResponseMessage> SignAsync(HttpClient signer, string party, string? password = null) =>
        signer.PostAsJsonAsync($"{Contract}/signatures", new { party, password = password ?? App.UserPassword });

    /// <summary>The tasks of this project's instance that <paramref name="client"/> sees, assigned to them or offered to them.</summary>
    public async Task<string?> TaskAsync(HttpClient client, string elementId)
    {
        foreach (var view in new[] { "mine", "groups" })
        {
            var page = await (await client.GetAsync($"/api/tasks?view={view}&businessKey={BusinessKey}&elementId={elementId}")).ReadAsync<JsonElement>();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetString();
            }
        }
        return null;
    }

    /// <summary>Completes the task <paramref name="elementId"/> as <paramref name="client"/>, who must see it.</summary>
    public async Task CompleteAsync(HttpClient client, string elementId, object variables)
    {
        var taskId = await TaskAsync(client, elementId);
        taskId.ShouldNotBeNull($"the task {elementId} is not offered to this user");
        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> StartAsync(string processId, object variables)
    {
        var started = await (await Secretary.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = BusinessKey, variables })).ReadAsync<JsonElement>();
        return started.GetProperty("id").GetString()!;
    }

    /// <summary>Tries to complete the task <paramref name="elementId"/> (which <paramref name="owner"/> sees) as <paramref name="client"/>.</summary>
    public async Task<HttpResponseMessage> TryCompleteAsync(HttpClient owner, HttpClient client, string elementId, object variables)
    {
        var taskId = await TaskAsync(owner, elementId);
        taskId.ShouldNotBeNull($"the task {elementId} is not open");
        return await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });
    }

    /// <summary>The user names notified with <paramref name="template"/> about this project.</summary>
    public async Task<List<string>> NotifiedAsync(string template)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        return await db.Notifications.Where(n => n.ProjectId == ProjectId && n.Template == template).Select(n => n.RecipientUserName).ToListAsync();
    }

    public async Task<JsonElement> InstanceAsync(string instanceId)
    {
        using var admin = await App.AdminAsync();
        return await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
    }
}
