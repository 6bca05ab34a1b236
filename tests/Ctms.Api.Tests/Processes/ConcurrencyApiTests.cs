using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Processes;

/// <summary>
/// Two requests racing for one thing: exactly one wins and the other learns why. On PostgreSQL the requests really
/// run at once (the loser's save fails on the instance's revision and its command runs again); on SQLite the writer
/// gate orders them, and the outcome must be the same.
/// </summary>
public abstract class ConcurrencyApiTests(CtmsAppFactory app)
{
    private const int Rounds = 5;

    private static string Process(string id, string waitingElement) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:message id="m" name="lab-result"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="s" />
            {waitingElement}
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="wait" />
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<string> DeployAsync(HttpClient admin, string waitingElement)
    {
        var processId = "race-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "race.bpmn", xml = Process(processId, waitingElement) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return processId;
    }

    [Fact]
    public async Task Two_clients_completing_the_same_task_at_once_one_succeeds_and_the_other_gets_409()
    {
        using var admin = await AdminAsync();
        var (user, userName) = await app.UserAsync("pi");
        using var _ = user;
        using var secondTab = await app.ClientForAsync(userName, app.UserPassword);
        var processId = await DeployAsync(admin, $"""<bpmn:userTask id="wait"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="{userName}" /></bpmn:extensionElements></bpmn:userTask>""");

        for (var round = 0; round < Rounds; round++)
        {
            var instance = await (await admin.PostAsJsonAsync("/api/process-instances", new { processId })).ReadAsync<JsonElement>();
            var taskId = (await (await user.GetAsync($"/api/tasks?view=mine&processId={processId}")).ReadAsync<JsonElement>())
                .GetProperty("items").EnumerateArray().Single(t => t.GetProperty("instanceId").GetString() == instance.GetProperty("id").GetString())
                .GetProperty("id").GetString();

            var responses = await Task.WhenAll(
                user.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { tab = 1 } }),
                secondTab.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { tab = 2 } }));

            responses.Count(r => r.StatusCode == HttpStatusCode.NoContent).ShouldBe(1, $"round {round}");
            await responses.Single(r => r.StatusCode != HttpStatusCode.NoContent).ShouldBeProblemAsync(HttpStatusCode.Conflict);
            var done = await (await admin.GetAsync($"/api/process-instances/{instance.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
            done.GetProperty("status").GetString().ShouldBe("Completed");
            var history = await (await admin.GetAsync($"/api/process-instances/{instance.GetProperty("id").GetString()}/history")).ReadAsync<List<JsonElement>>();
            history.Count(h => h.GetProperty("elementId").GetString() == "wait" && h.GetProperty("event").GetString() == "completed").ShouldBe(1);
        }
    }

    [Fact]
    public async Task Two_messages_correlating_to_one_waiting_instance_one_is_consumed_and_the_other_buffered()
    {
        using var admin = await AdminAsync();
        using var other = await AdminAsync();
        var processId = await DeployAsync(admin, """<bpmn:receiveTask id="wait" messageRef="m" />""");

        for (var round = 0; round < Rounds; round++)
        {
            var orderId = $"order-{Guid.NewGuid():N}";
            var instance = await (await admin.PostAsJsonAsync("/api/process-instances", new { processId, variables = new { orderId } })).ReadAsync<JsonElement>();

            var results = await Task.WhenAll(
                admin.PostAsJsonAsync("/api/messages", new { name = "lab-result", correlationKey = orderId, variables = new { value = 1 }, timeToLive = "PT1H" }),
                other.PostAsJsonAsync("/api/messages", new { name = "lab-result", correlationKey = orderId, variables = new { value = 2 }, timeToLive = "PT1H" }));
            var bodies = await Task.WhenAll(results.Select(r => r.ReadAsync<JsonElement>()));

            bodies.Count(b => b.GetProperty("delivered").GetInt32() == 1 && !b.GetProperty("buffered").GetBoolean()).ShouldBe(1, $"round {round}");
            bodies.Count(b => b.GetProperty("delivered").GetInt32() == 0 && b.GetProperty("buffered").GetBoolean()).ShouldBe(1, $"round {round}");
            var done = await (await admin.GetAsync($"/api/process-instances/{instance.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
            done.GetProperty("status").GetString().ShouldBe("Completed");
            await using var scope = app.Scope();
            var buffered = await scope.ServiceProvider.GetRequiredService<EngineDbContext>().Messages.Where(m => m.CorrelationKey == orderId).ToListAsync();
            buffered.ShouldHaveSingleItem().Name.ShouldBe("lab-result");
            var consumed = done.GetProperty("variables").GetProperty("value").GetDecimal();
            buffered[0].Variables["value"].ShouldBe(consumed == 1m ? 2m : 1m, "the buffered message is the one that was not consumed");
        }
    }

    private Task<HttpClient> AdminAsync() => app.AdminAsync();
}

public sealed class ConcurrencyApiTests_Sqlite(SqliteAppFactory app) : ConcurrencyApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ConcurrencyApiTests_Postgres(PostgresAppFactory app) : ConcurrencyApiTests(app), IClassFixture<PostgresAppFactory>;
