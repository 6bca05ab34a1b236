using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.KickOff;

/// <summary>
/// A study and its people for the P12 and P13 tests. The project is created through the domain and moved straight to
/// Contracted (or Enrolling) with <see cref="Project.MoveTo"/>: the approval and contract processes (P01-P04, P10, P11)
/// are other parts of the issue, and these tests start where they end.
/// </summary>
public sealed class KickOffScenario : IDisposable
{
    private KickOffScenario(CtmsAppFactory app) => App = app;

    public CtmsAppFactory App { get; }
    public Guid ProjectId { get; private set; }
    public string ProtocolNumber { get; private set; } = "";
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Secretary { get; private set; } = null!;
    public HttpClient Director { get; private set; } = null!;
    public HttpClient Pi { get; private set; } = null!;
    public string PiName { get; private set; } = "";
    public HttpClient SubInvestigator { get; private set; } = null!;
    public string SubInvestigatorName { get; private set; } = "";
    public HttpClient Cra { get; private set; } = null!;
    public string CraName { get; private set; } = "";

    /// <summary>A PI and a CRA of other studies: they hold the roles, not this project.</summary>
    public HttpClient OtherPi { get; private set; } = null!;
    public HttpClient OtherCra { get; private set; } = null!;

    public static async Task<KickOffScenario> CreateAsync(CtmsAppFactory app, ProjectStatus status)
    {
        var s = new KickOffScenario(app) { Admin = await app.AdminAsync() };
        s.Secretary = (await app.UserAsync("cti-secretary")).Client;
        s.Director = (await app.UserAsync("cti-director")).Client;
        (s.Pi, s.PiName) = await app.UserAsync("pi");
        (s.SubInvestigator, s.SubInvestigatorName) = await app.UserAsync("sub-investigator");
        (s.Cra, s.CraName) = await app.UserAsync("cra");
        s.OtherPi = (await app.UserAsync("pi")).Client;
        s.OtherCra = (await app.UserAsync("cra")).Client;
        s.ProtocolNumber = "KO-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Scope())
        {
            var project = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateProject(s.ProtocolNumber, "A phase III study of X",
                "Sponsor Ltd.", TrialPhase.PhaseIII, PiUserName: s.PiName, PlannedEnrollment: 40));
            s.ProjectId = project.Id;
        }
        await s.MoveToAsync(status);
        // The kick-off opens enrollment only behind an open ethics gate: the study's protocol and consent approved by the EC.
        await Ethics.Gate.GateKit.ApproveEthicsAsync(app, s.ProjectId);
        // A sub-investigator needs a valid GCP certificate (A04) before the role is given.
        (await s.Admin.PostAsJsonAsync($"/api/people/investigators/{s.SubInvestigatorName}/certificates",
            new { issuer = "GCP training", certificateNumber = "GCP-" + s.SubInvestigatorName, issuedOn = "2020-01-01", expiresOn = "2099-12-31" })).EnsureSuccessStatusCode();
        foreach (var (name, role) in new[] { (s.SubInvestigatorName, "sub-investigator"), (s.CraName, "cra") })
        {
            (await s.Admin.PostAsJsonAsync($"/api/projects/{s.ProjectId}/members", new { userName = name, role })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        return s;
    }

    /// <summary>Moves the project along its life cycle's path to <paramref name="target"/>, as the earlier processes would have.</summary>
    private async Task MoveToAsync(ProjectStatus target)
    {
        ProjectStatus[] path =
        [
            ProjectStatus.Submitted, ProjectStatus.InFormalReview, ProjectStatus.AwaitingConfirmation, ProjectStatus.AwaitingApproval,
            ProjectStatus.Approved, ProjectStatus.Contracted, ProjectStatus.Enrolling,
        ];
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var project = await db.Projects.SingleAsync(p => p.Id == ProjectId);
        foreach (var status in path.TakeWhile(st => st != target).Append(target))
        {
            project.MoveTo(status, App.Clock.GetUtcNow());
        }
        await db.SaveChangesAsync();
    }

    public async Task<string> StartAsync(HttpClient starter, string processId) =>
        (await (await starter.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = ProjectId.ToString() })).ReadAsync<JsonElement>())
        .GetProperty("id").GetString()!;

    /// <summary>The one open task of the instance that the user sees (offered to their groups, or assigned to them).</summary>
    public static async Task<string?> FindTaskAsync(HttpClient user, string instanceId, string elementId)
    {
        foreach (var view in new[] { "groups", "mine" })
        {
            var page = await (await user.GetAsync($"/api/tasks?view={view}&instanceId={instanceId}&elementId={elementId}")).ReadAsync<JsonElement>();
            if (page.GetProperty("items").GetArrayLength() > 0)
            {
                return page.GetProperty("items")[0].GetProperty("id").GetString();
            }
        }
        return null;
    }

    /// <summary>Claims (when offered to a group) and completes the task with the form's variables.</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient user, string instanceId, string elementId, object variables)
    {
        var taskId = await FindTaskAsync(user, instanceId, elementId) ?? throw new ShouldAssertException($"{elementId} is not open to this user.");
        return await user.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });
    }

    public async Task<JsonElement> InstanceAsync(string instanceId) =>
        await (await Admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();

    public async Task<IReadOnlyList<string>> ActiveElementsAsync(string instanceId) =>
        (await InstanceAsync(instanceId)).GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!).ToList();

    public async Task<string> ProjectStatusAsync() =>
        (await (await Admin.GetAsync($"/api/projects/{ProjectId}")).ReadAsync<JsonElement>()).GetProperty("status").GetString()!;

    public async Task<T> InDbAsync<T>(Func<CtmsDbContext, Task<T>> query)
    {
        await using var scope = App.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<CtmsDbContext>());
    }

    public void Dispose()
    {
        foreach (var client in new[] { Admin, Secretary, Director, Pi, SubInvestigator, Cra, OtherPi, OtherCra })
        {
            client?.Dispose();
        }
    }
}
