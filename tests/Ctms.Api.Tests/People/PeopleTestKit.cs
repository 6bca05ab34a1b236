using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Ctms.Domain.Projects;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.People;

/// <summary>The steps the people tests share: days on the host's clock, certificates, projects, the inbox.</summary>
internal static class PeopleTestKit
{
    public static DateOnly Today(CtmsAppFactory app) => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Task<HttpResponseMessage> PostCertificateAsync(HttpClient client, string userName, DateOnly issuedOn, DateOnly expiresOn, string number) =>
        client.PostAsJsonAsync($"/api/people/investigators/{userName}/certificates",
            new { issuer = "NMPA GCP training", certificateNumber = number, issuedOn = Day(issuedOn), expiresOn = Day(expiresOn) });

    public static async Task<JsonElement> RecordCertificateAsync(HttpClient office, string userName, DateOnly issuedOn, DateOnly expiresOn, string number)
    {
        var response = await PostCertificateAsync(office, userName, issuedOn, expiresOn, number);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<JsonElement>();
    }

    public static async Task<ProjectBody> CreateProjectAsync(HttpClient admin) =>
        await (await admin.PostAsJsonAsync("/api/projects", new
        {
            protocolNumber = "P-" + Guid.NewGuid().ToString("N")[..8],
            title = "A phase II study of drug X",
            sponsor = "Sponsor Ltd.",
        })).ReadAsync<ProjectBody>();

    /// <summary>A project whose PI is <paramref name="piUserName"/> (set through the domain: the REST create does not name a PI).</summary>
    public static async Task<ProjectDto> CreateProjectWithPiAsync(CtmsAppFactory app, string piUserName)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateProject("P-" + Guid.NewGuid().ToString("N")[..8],
            "A phase III study of drug Y", "Sponsor Ltd.", PiUserName: piUserName));
    }

    public static Task<HttpResponseMessage> AddMemberAsync(HttpClient client, Guid projectId, string userName, string role,
        DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null) =>
        client.PostAsJsonAsync($"/api/projects/{projectId}/members", new { userName, role, validFrom, validUntil });

    /// <summary>The one open task of the element for the business key in the view (mine, groups), or null.</summary>
    public static async Task<string?> TaskAsync(HttpClient client, string view, string businessKey, string elementId)
    {
        var page = await (await client.GetAsync($"/api/tasks?view={view}&businessKey={Uri.EscapeDataString(businessKey)}")).ReadAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray()
            .Where(t => t.GetProperty("elementId").GetString() == elementId)
            .Select(t => t.GetProperty("id").GetString())
            .SingleOrDefault();
    }

    public static async Task CompleteAsync(HttpClient client, string? taskId, object variables)
    {
        taskId.ShouldNotBeNull("the task is not in this user's inbox");
        var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> InstanceAsync(HttpClient client, string instanceId) =>
        await (await client.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();

    public static IEnumerable<string> ActiveElements(JsonElement instance) =>
        instance.GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!);

    public static async Task<List<Notification>> NotificationsAsync(CtmsAppFactory app, string template)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Template == template).ToListAsync();
    }
}
