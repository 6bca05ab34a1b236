using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Tasks;

/// <summary>The inbox through the API: offered by role, claimed, completed; refused to those it is not offered to.</summary>
public abstract class InboxApiTests(CtmsAppFactory app)
{
    private const string EligibilityForm = """
        {"id": "eligibility", "type": "default", "components": [{"key": "eligible", "type": "checkbox", "label": "Eligible"}]}
        """;

    private static string Process(string id) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="confirm" name="Confirm eligibility">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="pi, sub-investigator" />
                <zeebe:taskSchedule dueDate="=now() + duration(&quot;P2D&quot;)" />
                <zeebe:formDefinition formId="eligibility" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="confirm" />
            <bpmn:sequenceFlow id="f2" sourceRef="confirm" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_task_offered_to_a_role_is_claimed_and_completed_by_one_of_its_members_and_refused_to_others()
    {
        using var admin = await app.AdminAsync();
        var processId = "eligibility-" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "e.bpmn", xml = Process(processId) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var instance = await (await admin.PostAsJsonAsync("/api/process-instances", new { processId, variables = new { subject = "S-001" } })).ReadAsync<JsonElement>();
        var instanceId = instance.GetProperty("id").GetString();

        var (pi, piName) = await app.UserAsync("pi");
        var (crc, _) = await app.UserAsync("crc");
        var offered = await (await pi.GetAsync($"/api/tasks?view=groups&processId={processId}")).ReadAsync<JsonElement>();
        offered.GetProperty("total").GetInt32().ShouldBe(1);
        var task = offered.GetProperty("items")[0];
        task.GetProperty("name").GetString().ShouldBe("Confirm eligibility");
        task.GetProperty("formId").GetString().ShouldBe("eligibility");
        task.GetProperty("dueDate").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(1));
        var taskId = task.GetProperty("id").GetString();

        (await (await crc.GetAsync($"/api/tasks?view=groups&processId={processId}")).ReadAsync<JsonElement>()).GetProperty("total").GetInt32().ShouldBe(0);
        await (await crc.PostAsync($"/api/tasks/{taskId}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await crc.GetAsync($"/api/tasks/{taskId}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await crc.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { eligible = true } })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var claimed = await (await pi.PostAsync($"/api/tasks/{taskId}/claim", null)).ReadAsync<JsonElement>();
        claimed.GetProperty("assignee").GetString().ShouldBe(piName);
        var (sub, _) = await app.UserAsync("sub-investigator");
        await (await sub.PostAsync($"/api/tasks/{taskId}/claim", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await (await pi.GetAsync("/api/tasks?view=mine")).ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray()
            .ShouldContain(t => t.GetProperty("id").GetString() == taskId);

        // The task names a form that is not deployed: the data would go in unchecked, so the completion waits for the form.
        await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { eligible = true } })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await admin.PostAsJsonAsync("/api/forms", new { name = "eligibility.form", json = EligibilityForm })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { eligible = true } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
        done.GetProperty("status").GetString().ShouldBe("Completed");
        done.GetProperty("variables").GetProperty("eligible").GetBoolean().ShouldBeTrue();
        var history = await (await admin.GetAsync($"/api/process-instances/{instanceId}/history")).ReadAsync<List<JsonElement>>();
        history.Single(h => h.GetProperty("elementId").GetString() == "confirm" && h.GetProperty("event").GetString() == "completed")
            .GetProperty("userId").GetString().ShouldBe(piName);
        await (await pi.PostAsync($"/api/tasks/{taskId}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict); // a completed task is a conflict, not unknown
        await (await pi.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await pi.GetAsync("/api/tasks?view=everything")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class InboxApiTests_Sqlite(SqliteAppFactory app) : InboxApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class InboxApiTests_Postgres(PostgresAppFactory app) : InboxApiTests(app), IClassFixture<PostgresAppFactory>;
