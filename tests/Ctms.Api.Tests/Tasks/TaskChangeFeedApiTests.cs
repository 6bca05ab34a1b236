using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Engine;
using Ctms.Api.Tasks;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ctms.Api.Tests.Tasks;

/// <summary>
/// The host announces a task change on its feed once the command's transaction has committed (never for one that rolled
/// back), whether the change came through the REST API or from the engine; and the inbox filters by business key.
/// </summary>
public abstract class TaskChangeFeedApiTests(CtmsAppFactory app)
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    protected CtmsAppFactory App => app;

    protected static string Process(string id) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="consent" name="Check the consent form">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="pi" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="consent" />
            <bpmn:sequenceFlow id="f2" sourceRef="consent" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    internal static async Task<string> DeployAsync(HttpClient admin)
    {
        var processId = "consent-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = processId + ".bpmn", xml = Process(processId) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return processId;
    }

    protected TaskChangeFeed Feed => app.Services.GetRequiredService<TaskChangeFeed>();

    /// <summary>The next change of the process that matches, or a failure after <see cref="Wait"/>.</summary>
    protected static async Task<TaskChange> NextAsync(TaskChangeSubscription subscription, string processId, Func<TaskChange, bool>? match = null)
    {
        using var timeout = new CancellationTokenSource(Wait);
        try
        {
            while (true)
            {
                var change = await subscription.Changes.ReadAsync(timeout.Token);
                if (change.ProcessId == processId && (match is null || match(change)))
                {
                    return change;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new ShouldAssertException($"No task change of {processId} arrived within {Wait}.");
        }
    }

    private static List<TaskChange> Pending(TaskChangeSubscription subscription, string processId)
    {
        var changes = new List<TaskChange>();
        while (subscription.Changes.TryRead(out var change))
        {
            if (change.ProcessId == processId)
            {
                changes.Add(change);
            }
        }
        return changes;
    }

    [Fact]
    public async Task A_task_started_claimed_and_given_back_through_the_api_is_announced_after_each_commit()
    {
        using var admin = await app.AdminAsync();
        var processId = await DeployAsync(admin);
        var (pi, piName) = await app.UserAsync("pi");
        using var subscription = Feed.Subscribe();

        (await admin.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = "CT-2026-101" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await NextAsync(subscription, processId);
        (created.Kind, created.BusinessKey, created.Assignee).ShouldBe((TaskChangeKind.Created, "CT-2026-101", null));
        created.Concerns(piName, ["pi"]).ShouldBeTrue();

        (await pi.PostAsync($"/api/tasks/{created.TaskId}/claim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var claimed = await NextAsync(subscription, processId);
        (claimed.Kind, claimed.TaskId, claimed.Assignee).ShouldBe((TaskChangeKind.Claimed, created.TaskId, piName));

        (await pi.PostAsync($"/api/tasks/{created.TaskId}/unclaim", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var unclaimed = await NextAsync(subscription, processId);
        (unclaimed.Kind, unclaimed.Assignee, unclaimed.PreviousAssignee).ShouldBe((TaskChangeKind.Unclaimed, null, piName));

        (await pi.PostAsync($"/api/tasks/{created.TaskId}/complete", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await NextAsync(subscription, processId)).Kind.ShouldBe(TaskChangeKind.Claimed);
        (await NextAsync(subscription, processId)).Kind.ShouldBe(TaskChangeKind.Completed);
    }

    [Fact]
    public async Task A_command_that_rolls_back_announces_nothing_and_one_that_commits_announces_only_after_its_commit()
    {
        using var admin = await app.AdminAsync();
        var processId = await DeployAsync(admin);
        using var subscription = Feed.Subscribe();
        var commands = app.Services.GetRequiredService<EngineCommands>();

        await Should.ThrowAsync<InvalidOperationException>(() => commands.RunScopedAsync<bool>(null, async (services, ct) =>
        {
            await services.GetRequiredService<BpmnEngine>().StartAsync(processId, ct: ct);
            throw new InvalidOperationException("The caller fails after the engine saved: the transaction rolls back.");
        }, default));
        await Task.Delay(300);
        Pending(subscription, processId).ShouldBeEmpty();
        var (pi, _) = await app.UserAsync("pi");
        (await (await pi.GetAsync($"/api/tasks?view=groups&processId={processId}")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32().ShouldBe(0);

        var announcedBeforeCommit = -1;
        await commands.RunScopedAsync(null, async (services, ct) =>
        {
            await services.GetRequiredService<BpmnEngine>().StartAsync(processId, ct: ct);
            // The engine's own commit is done; the caller's transaction is not.
            announcedBeforeCommit = Pending(subscription, processId).Count;
            return true;
        }, default);
        announcedBeforeCommit.ShouldBe(0);
        (await NextAsync(subscription, processId)).Kind.ShouldBe(TaskChangeKind.Created);
    }

    [Fact]
    public async Task The_inbox_filters_by_business_key_and_refuses_one_too_long()
    {
        using var admin = await app.AdminAsync();
        var processId = await DeployAsync(admin);
        foreach (var key in new[] { "CT-2026-201", "CT-2026-201", "CT-2026-202" })
        {
            (await admin.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = key })).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        var (pi, _) = await app.UserAsync("pi");

        var first = await (await pi.GetAsync($"/api/tasks?view=groups&processId={processId}&businessKey=CT-2026-201")).ReadAsync<JsonElement>();
        first.GetProperty("total").GetInt32().ShouldBe(2);
        first.GetProperty("items").EnumerateArray().ShouldAllBe(t => t.GetProperty("businessKey").GetString() == "CT-2026-201");
        (await (await pi.GetAsync($"/api/tasks?view=groups&processId={processId}&businessKey=CT-2026-202")).ReadAsync<JsonElement>())
            .GetProperty("total").GetInt32().ShouldBe(1);
        (await (await pi.GetAsync($"/api/tasks?view=mine&businessKey=CT-2026-201")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32().ShouldBe(0);
        var problem = await (await pi.GetAsync($"/api/tasks?view=groups&businessKey={new string('x', 201)}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("businessKey", out _).ShouldBeTrue();
    }
}

public sealed class TaskChangeFeedApiTests_Sqlite(SqliteAppFactory app) : TaskChangeFeedApiTests(app), IClassFixture<SqliteAppFactory>;

/// <summary>On PostgreSQL the changes also travel between the nodes that share the database, by LISTEN/NOTIFY.</summary>
public sealed class TaskChangeFeedApiTests_Postgres(PostgresAppFactory app) : TaskChangeFeedApiTests(app), IClassFixture<PostgresAppFactory>
{
    private TaskChangeRelay Relay => App.Services.GetRequiredService<TaskChangeRelay>();

    [Fact]
    public async Task A_change_notified_by_another_node_reaches_this_nodes_feed_and_its_own_notifications_do_not_come_back()
    {
        await Relay.Listening.WaitAsync(Wait);
        using var subscription = Feed.Subscribe();
        var taskId = Guid.NewGuid();
        var otherNode = JsonSerializer.Serialize(new
        {
            node = Guid.NewGuid(),
            changes = new[]
            {
                new { kind = "Claimed", taskId, instanceId = Guid.NewGuid(), processId = "remote", businessKey = "CT-2026-301", assignee = "ann",
                      previousAssignee = (string?)null, candidateUsers = Array.Empty<string>(), candidateGroups = new[] { "pi" } },
            },
        });
        var ownNode = JsonSerializer.Serialize(new { node = Relay.Node, changes = new[] { new { kind = "Created", taskId = Guid.NewGuid(), processId = "remote" } } });

        await using (var connection = new NpgsqlConnection(App.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var payload in new[] { ownNode, "not json", otherNode })
            {
                await using var notify = new NpgsqlCommand("SELECT pg_notify('ctms_tasks', @p)", connection);
                notify.Parameters.AddWithValue("p", payload);
                await notify.ExecuteNonQueryAsync();
            }
        }

        var received = await NextAsync(subscription, "remote");
        (received.Kind, received.TaskId, received.Assignee, received.BusinessKey, received.Relayed).ShouldBe((TaskChangeKind.Claimed, taskId, "ann", "CT-2026-301", true));
        received.Concerns("zed", ["pi"]).ShouldBeTrue();
    }

    [Fact]
    public async Task A_change_committed_here_is_notified_to_the_other_nodes()
    {
        await Relay.Listening.WaitAsync(Wait);
        using var admin = await App.AdminAsync();
        var processId = await DeployAsync(admin);
        await using var listener = new NpgsqlConnection(App.ConnectionString);
        await listener.OpenAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand("LISTEN ctms_tasks", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        (await admin.PostAsJsonAsync("/api/process-instances", new { processId, businessKey = "CT-2026-302" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var timeout = new CancellationTokenSource(Wait);
        while (!payloads.Any(p => p.Contains(processId, StringComparison.Ordinal)))
        {
            await listener.WaitAsync(timeout.Token);
        }
        var message = JsonDocument.Parse(payloads.Single(p => p.Contains(processId, StringComparison.Ordinal))).RootElement;
        message.GetProperty("node").GetGuid().ShouldBe(Relay.Node);
        var change = message.GetProperty("changes").EnumerateArray().ShouldHaveSingleItem();
        (change.GetProperty("kind").GetString(), change.GetProperty("businessKey").GetString()).ShouldBe(("Created", "CT-2026-302"));
    }
}
