using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Processes;

/// <summary>
/// The instance list (<c>GET /api/process-instances</c>): running and ended instances together, newest first, filtered by
/// process, state and business key, paged; for the CTI office and administrators only.
/// </summary>
public abstract class ProcessInstanceListTests(CtmsAppFactory app)
{
    private static string Bpmn(string id, string body, string before = "") => TestBpmn.Process(id, body, before);

    private static string Flow(string from, string to, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{from}-{to}" sourceRef="{from}" targetRef="{to}" />"""
        : $"""<bpmn:sequenceFlow id="{from}-{to}" sourceRef="{from}" targetRef="{to}"><bpmn:conditionExpression>{condition}</bpmn:conditionExpression></bpmn:sequenceFlow>""";

    private static string Waiting(string id) => Bpmn(id, $"""
        <bpmn:startEvent id="s" /><bpmn:userTask id="t" /><bpmn:endEvent id="e" />
        {Flow("s", "t")}{Flow("t", "e")}
        """);

    private static string Straight(string id) => Bpmn(id, $"""<bpmn:startEvent id="s" /><bpmn:endEvent id="e" />{Flow("s", "e")}""");

    private static async Task DeployAsync(HttpClient client, string xml) =>
        (await client.PostAsJsonAsync("/api/process-definitions", new { name = "list.bpmn", xml })).StatusCode.ShouldBe(HttpStatusCode.Created);

    private static async Task<string> StartAsync(HttpClient client, string processId, string? businessKey = null, object? variables = null)
    {
        // The list is newest first by id, and instance ids (version 7 GUIDs) order by time to the millisecond only.
        await Task.Delay(3);
        return (await (await client.PostAsJsonAsync("/api/process-instances", new { processId, businessKey, variables })).ReadAsync<JsonElement>())
            .GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await (await client.GetAsync("/api/process-instances?" + query)).ReadAsync<JsonElement>();

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Running_and_ended_instances_are_listed_newest_first_by_process_state_and_business_key()
    {
        using var admin = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        string waiting = "wait-" + tag, straight = "done-" + tag, gate = "gate-" + tag, child = "child-" + tag, parent = "parent-" + tag;
        await DeployAsync(admin, Waiting(waiting));
        await DeployAsync(admin, Straight(straight));
        await DeployAsync(admin, Bpmn(gate, $"""
            <bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" /><bpmn:endEvent id="e" />
            {Flow("s", "g")}{Flow("g", "e", "=false")}
            """));
        await DeployAsync(admin, Waiting(child));
        await DeployAsync(admin, Bpmn(parent, $"""
            <bpmn:startEvent id="s" />
            <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="{child}" /></bpmn:extensionElements></bpmn:callActivity>
            <bpmn:boundaryEvent id="stop" attachedToRef="call"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="e" /><bpmn:endEvent id="stopped" />
            {Flow("s", "call")}{Flow("call", "e")}{Flow("stop", "stopped")}
            """, $"""<bpmn:message id="m" name="stop-{tag}"><bpmn:extensionElements><zeebe:subscription correlationKey="=key" /></bpmn:extensionElements></bpmn:message>"""));

        var w1 = await StartAsync(admin, waiting, "BK-a-" + tag);
        var w2 = await StartAsync(admin, waiting, "BK-b-" + tag);
        var w3 = await StartAsync(admin, waiting, "BK-a-" + tag);
        var d1 = await StartAsync(admin, straight);
        var g1 = await StartAsync(admin, gate);
        var p1 = await StartAsync(admin, parent, variables: new { key = tag });
        (await admin.PostAsJsonAsync("/api/messages", new { name = "stop-" + tag, correlationKey = tag })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var all = await ListAsync(admin, $"processId={waiting}");
        Ids(all).ShouldBe([w3, w2, w1]);
        all.GetProperty("total").GetInt32().ShouldBe(3);
        all.GetProperty("totalIsExact").GetBoolean().ShouldBeTrue();
        var newest = all.GetProperty("items")[0];
        newest.GetProperty("processId").GetString().ShouldBe(waiting);
        newest.GetProperty("version").GetInt32().ShouldBe(1);
        newest.GetProperty("businessKey").GetString().ShouldBe("BK-a-" + tag);
        newest.GetProperty("status").GetString().ShouldBe("Active");
        newest.GetProperty("openIncidents").GetInt32().ShouldBe(0);

        Ids(await ListAsync(admin, $"processId={waiting}&businessKey=BK-a-{tag}")).ShouldBe([w3, w1]);
        Ids(await ListAsync(admin, $"businessKey=BK-b-{tag}")).ShouldBe([w2]);

        var completed = await ListAsync(admin, $"processId={straight}&status=completed");
        Ids(completed).ShouldBe([d1]);
        completed.GetProperty("items")[0].GetProperty("endedAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(
            completed.GetProperty("items")[0].GetProperty("startedAt").GetDateTimeOffset());
        Ids(await ListAsync(admin, $"processId={straight}&status=running")).ShouldBeEmpty();
        Ids(await ListAsync(admin, $"processId={waiting}&status=Running")).ShouldBe([w3, w2, w1]);

        var held = await ListAsync(admin, $"processId={gate}&status=incidents");
        Ids(held).ShouldBe([g1]);
        held.GetProperty("items")[0].GetProperty("openIncidents").GetInt32().ShouldBe(1);
        Ids(await ListAsync(admin, $"processId={waiting}&status=incidents")).ShouldBeEmpty();

        // The message cancelled the call activity: the called instance was terminated, its caller completed.
        var terminated = await ListAsync(admin, $"processId={child}&status=terminated");
        var called = terminated.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        called.GetProperty("status").GetString().ShouldBe("Terminated");
        called.GetProperty("parentInstanceId").GetString().ShouldBe(p1);
        Ids(await ListAsync(admin, $"processId={child}&status=completed")).ShouldBeEmpty();
        Ids(await ListAsync(admin, $"processId={parent}&status=completed")).ShouldBe([p1]);
    }

    [Fact]
    public async Task Pages_run_through_running_and_ended_instances_in_one_order_with_the_total()
    {
        using var admin = await app.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        string waiting = "pwait-" + tag, straight = "pdone-" + tag, key = "K-" + tag;
        await DeployAsync(admin, Waiting(waiting));
        await DeployAsync(admin, Straight(straight));
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await StartAsync(admin, i % 2 == 0 ? waiting : straight, key));
        }
        started.Reverse();

        var first = await ListAsync(admin, $"businessKey={key}&limit=2");
        Ids(first).ShouldBe(started[..2]);
        first.GetProperty("total").GetInt32().ShouldBe(5);
        first.GetProperty("totalIsExact").GetBoolean().ShouldBeTrue();
        first.GetProperty("hasMore").GetBoolean().ShouldBeTrue();
        first.GetProperty("items")[0].GetProperty("status").GetString().ShouldBe("Active");
        first.GetProperty("items")[1].GetProperty("status").GetString().ShouldBe("Completed");

        Ids(await ListAsync(admin, $"businessKey={key}&offset=2&limit=2")).ShouldBe(started[2..4]);
        var last = await ListAsync(admin, $"businessKey={key}&offset=4&limit=2");
        Ids(last).ShouldBe(started[4..]);
        last.GetProperty("total").GetInt32().ShouldBe(5);
        last.GetProperty("hasMore").GetBoolean().ShouldBeFalse();
        var beyond = await ListAsync(admin, $"businessKey={key}&offset=10&limit=2");
        Ids(beyond).ShouldBeEmpty();
        beyond.GetProperty("total").GetInt32().ShouldBe(5);
    }

    [Theory]
    [InlineData("status=bogus", "status")]
    [InlineData("status=1", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task A_bad_filter_or_page_is_a_validation_problem_naming_the_field(string query, string field)
    {
        using var admin = await app.AdminAsync();
        var problem = await (await admin.GetAsync("/api/process-instances?" + query)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Only_the_CTI_office_and_administrators_list_instances()
    {
        var (crc, _) = await app.UserAsync("crc");
        await (await crc.GetAsync("/api/process-instances")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var (secretary, _) = await app.UserAsync("cti-secretary");
        (await secretary.GetAsync("/api/process-instances")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/process-instances")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class ProcessInstanceListTests_Sqlite(SqliteAppFactory app) : ProcessInstanceListTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProcessInstanceListTests_Postgres(PostgresAppFactory app) : ProcessInstanceListTests(app), IClassFixture<PostgresAppFactory>;
