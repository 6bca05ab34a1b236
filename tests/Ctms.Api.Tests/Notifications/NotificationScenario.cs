using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Notifications;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Notifications;

/// <summary>What the notification tests do again and again: people with addresses, a process that notifies them, the outbox.</summary>
internal static class NotificationScenario
{
    public sealed record Person(HttpClient Client, string UserName, string Email);

    /// <summary>A user with an e-mail address (or none) and, when given, a preferred language set through the API.</summary>
    public static async Task<Person> PersonAsync(CtmsAppFactory app, string? culture, bool withEmail = true, string role = "pi")
    {
        var userName = $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
        var email = withEmail ? $"{userName}@hospital.test" : "";
        using var admin = await app.AdminAsync();
        (await admin.PostAsJsonAsync("/api/users", new
        {
            userName, displayName = "Dr " + userName, email = withEmail ? email : null, roles = new[] { role }, password = app.UserPassword,
        })).EnsureSuccessStatusCode();
        var client = await app.ClientForAsync(userName, app.UserPassword);
        if (culture is not null)
        {
            (await client.PutAsJsonAsync("/api/notifications/language", new { culture })).EnsureSuccessStatusCode();
        }
        return new Person(client, userName, email);
    }

    /// <summary>
    /// Deploys and starts a process whose one service task is <c>send-notification</c> with <paramref name="template"/> to
    /// <paramref name="to"/>; the other variables are the template's model. Returns the instance's variables.
    /// </summary>
    public static async Task<JsonElement> NotifyThroughProcessAsync(HttpClient starter, string template, IReadOnlyList<string> to, object model)
    {
        var id = "notify-" + Guid.NewGuid().ToString("N")[..8];
        var xml = TestBpmn.Process(id, """
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="notify" name="Notify">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="send-notification" />
                <zeebe:ioMapping>
                  <zeebe:input source="=mailTemplate" target="template" />
                  <zeebe:input source="=recipients" target="to" />
                  <zeebe:input source="=&quot;notifications&quot;" target="link" />
                  <zeebe:output source="=notified" target="notified" />
                </zeebe:ioMapping>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:userTask id="after" />
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="notify" />
            <bpmn:sequenceFlow id="f2" sourceRef="notify" targetRef="after" />
            <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="e" />
            """);
        (await starter.PostAsJsonAsync("/api/process-definitions", new { name = id + ".bpmn", xml })).EnsureSuccessStatusCode();
        var variables = JsonSerializer.SerializeToNode(model, CtmsAppFactory.Json)!.AsObject();
        variables["mailTemplate"] = template;
        variables["recipients"] = JsonSerializer.SerializeToNode(to);
        var instance = await (await starter.PostAsJsonAsync("/api/process-instances", new { processId = id, variables })).ReadAsync<JsonElement>();
        return instance.GetProperty("variables");
    }

    public static Task<int> DispatchAsync(CtmsAppFactory app) => app.Services.GetRequiredService<MailDispatcher>().DispatchDueAsync();

    public static async Task<List<OutboxMail>> OutboxAsync(CtmsAppFactory app, string address)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().MailOutbox.AsNoTracking()
            .Where(m => m.ToAddress == address).ToListAsync();
    }

    public static async Task<NotificationPage> NotificationsAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync("/api/notifications" + query)).ReadAsync<NotificationPage>();
}
