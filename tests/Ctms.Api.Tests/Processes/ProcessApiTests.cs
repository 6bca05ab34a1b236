using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Processes;

/// <summary>The engine through the host: deploy, start, wait, messages, timers by the job executor, incidents, and one transaction with the domain.</summary>
public abstract class ProcessApiTests(CtmsAppFactory app)
{
    private static string Bpmn(string id, string body, string before = "") => TestBpmn.Process(id, body, before);

    private static string Chain(params string[] ids) =>
        string.Join("\n", ids.Zip(ids.Skip(1), (a, b) => $"<bpmn:sequenceFlow id=\"{a}-{b}\" sourceRef=\"{a}\" targetRef=\"{b}\" />"));

    private static async Task<JsonElement> DeployAsync(HttpClient client, string xml) =>
        (await (await client.PostAsJsonAsync("/api/process-definitions", new { name = "test.bpmn", xml })).ReadAsync<JsonElement>())[0];

    private static async Task<JsonElement> StartAsync(HttpClient client, string processId, object? variables = null) =>
        await (await client.PostAsJsonAsync("/api/process-instances", new { processId, variables })).ReadAsync<JsonElement>();

    private static string Active(JsonElement instance) =>
        string.Join(",", instance.GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()));

    [Fact]
    public async Task An_activity_writes_domain_data_in_the_same_transaction_as_the_process_state()
    {
        using var admin = await app.AdminAsync();
        var id = "register-" + Guid.NewGuid().ToString("N")[..6];
        await DeployAsync(admin, Bpmn(id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="register"><bpmn:extensionElements><zeebe:taskDefinition type="test-register-project" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="e" />
            {Chain("s", "register", "review", "e")}
            """));
        var protocol = "WF-" + Guid.NewGuid().ToString("N")[..6];
        var instance = await StartAsync(admin, id, new { protocol });

        Active(instance).ShouldBe("review");
        var projectId = instance.GetProperty("variables").GetProperty("projectId").GetString();
        var project = await (await admin.GetAsync($"/api/projects/{projectId}")).ReadAsync<ProjectBody>();
        project.ProtocolNumber.ShouldBe(protocol);
        var audit = await (await admin.GetAsync($"/api/audit?entityType=Project&entityKey={projectId}")).ReadAsync<List<AuditBody>>();
        audit.ShouldContain(r => r.Field == "ProtocolNumber" && r.UserName == "admin", "the activity's write is audited as the user who started the process");
    }

    [Fact]
    public async Task A_failed_activity_leaves_no_domain_write_and_ends_in_an_incident_after_its_retries()
    {
        using var admin = await app.AdminAsync();
        var id = "fail-" + Guid.NewGuid().ToString("N")[..6];
        await DeployAsync(admin, Bpmn(id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="call"><bpmn:extensionElements><zeebe:taskDefinition type="test-fail-after-write" retries="2" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:endEvent id="e" />
            {Chain("s", "call", "e")}
            """));
        var protocol = "HALF-" + Guid.NewGuid().ToString("N")[..6];
        var instance = await StartAsync(admin, id, new { protocol });
        Active(instance).ShouldBe("call");

        app.Clock.Advance(TimeSpan.FromSeconds(11));
        (await app.Services.GetRequiredService<JobExecutor>().RunDueAsync(default)).ShouldBe(1);

        var after = await (await admin.GetAsync($"/api/process-instances/{instance.GetProperty("id").GetString()}")).ReadAsync<JsonElement>();
        var incident = after.GetProperty("incidents").EnumerateArray().ShouldHaveSingleItem();
        incident.GetProperty("code").GetString().ShouldBe("ENGINE-0104");
        incident.GetProperty("message").GetString()!.ShouldContain("did not answer");
        (await (await admin.GetAsync("/api/projects")).ReadAsync<List<ProjectBody>>()).ShouldNotContain(p => p.ProtocolNumber == protocol);

        var incidents = await (await admin.GetAsync("/api/incidents")).ReadAsync<List<JsonElement>>();
        incidents.ShouldContain(i => i.GetProperty("id").GetString() == incident.GetProperty("id").GetString());
        (await admin.PostAsync($"/api/incidents/{incident.GetProperty("id").GetString()}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_timer_fires_when_the_job_executor_finds_it_due_and_a_message_reaches_the_waiting_instance()
    {
        var admin = await app.AdminAsync();
        var id = "wait-" + Guid.NewGuid().ToString("N")[..6];
        await DeployAsync(admin, Bpmn(id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:intermediateCatchEvent id="later"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:receiveTask id="result" messageRef="m" />
            <bpmn:endEvent id="e" />
            {Chain("s", "later", "result", "e")}
            """, """<bpmn:message id="m" name="lab-result"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>"""));
        var orderId = "O-" + Guid.NewGuid().ToString("N")[..6];
        var instance = await StartAsync(admin, id, new { orderId });
        var instanceId = instance.GetProperty("id").GetString();
        Active(instance).ShouldBe("later");

        await app.Services.GetRequiredService<JobExecutor>().RunDueAsync(default);
        Active(await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>()).ShouldBe("later", "not due yet");
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.Services.GetRequiredService<JobExecutor>().RunDueAsync(default);
        admin.Dispose();
        admin = await app.AdminAsync(); // two hours on, the first bearer token has expired
        Active(await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>()).ShouldBe("result");

        var correlated = await (await admin.PostAsJsonAsync("/api/messages", new { name = "lab-result", correlationKey = orderId, variables = new { hba1c = 6.9 }, messageId = "evt-" + orderId }))
            .ReadAsync<JsonElement>();
        correlated.GetProperty("delivered").GetInt32().ShouldBe(1);
        var done = await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
        done.GetProperty("status").GetString().ShouldBe("Completed");
        done.GetProperty("variables").GetProperty("hba1c").GetDecimal().ShouldBe(6.9m);
        (await (await admin.PostAsJsonAsync("/api/messages", new { name = "lab-result", correlationKey = orderId, messageId = "evt-" + orderId })).ReadAsync<JsonElement>())
            .GetProperty("duplicate").GetBoolean().ShouldBeTrue();

        var history = await (await admin.GetAsync($"/api/process-instances/{instanceId}/history")).ReadAsync<List<JsonElement>>();
        history.Where(h => h.GetProperty("event").GetString() == "completed").Select(h => h.GetProperty("elementId").GetString())
            .ShouldBe(["s", "later", "result", "e", id]);
        admin.Dispose();
    }

    [Fact]
    public async Task Deploying_needs_an_SOP_editor_and_a_bad_file_is_a_400_listing_its_problems()
    {
        var (crc, _) = await app.UserAsync("crc");
        var xml = Bpmn("x" + Guid.NewGuid().ToString("N")[..6], $"""<bpmn:startEvent id="s" /><bpmn:endEvent id="e" />{Chain("s", "e")}""");
        await (await crc.PostAsJsonAsync("/api/process-definitions", new { name = "x.bpmn", xml })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var (secretary, _) = await app.UserAsync("cti-secretary");
        var first = await DeployAsync(secretary, xml);
        first.GetProperty("version").GetInt32().ShouldBe(1);
        (await DeployAsync(secretary, xml)).GetProperty("version").GetInt32().ShouldBe(1, "unchanged content keeps its version");
        var processId = first.GetProperty("processId").GetString();
        var one = await (await secretary.GetAsync($"/api/process-definitions/{processId}")).ReadAsync<JsonElement>();
        one.GetProperty("latestVersion").GetInt32().ShouldBe(1);
        (await secretary.GetStringAsync($"/api/process-definitions/{processId}/versions/1/xml")).ShouldBe(xml);
        await (await secretary.GetAsync("/api/process-definitions/nothing-here")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var bad = await secretary.PostAsJsonAsync("/api/process-definitions", new { name = "bad.bpmn", xml = xml.Replace("targetRef=\"e\"", "targetRef=\"gone\"", StringComparison.Ordinal) });
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("problems")[0].GetProperty("code").GetString().ShouldBe("ENGINE-0020");

        await (await secretary.PostAsJsonAsync("/api/process-instances", new { processId = "not-deployed" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await secretary.GetAsync($"/api/process-instances/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await crc.GetAsync("/api/incidents")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var activities = await (await crc.GetAsync("/api/activities")).ReadAsync<List<JsonElement>>();
        activities.ShouldContain(a => a.GetProperty("type").GetString() == "test-register-project" && a.GetProperty("outputs")[0].GetString()!.StartsWith("projectId", StringComparison.Ordinal));
    }
}

public sealed class ProcessApiTests_Sqlite(SqliteAppFactory app) : ProcessApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class ProcessApiTests_Postgres(PostgresAppFactory app) : ProcessApiTests(app), IClassFixture<PostgresAppFactory>;
