using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Tasks;

/// <summary>
/// A task's form through the API: the server refuses data that breaks the form (keyed by field, nothing saved), and
/// a task keeps showing the form version its definition version was deployed with.
/// </summary>
public abstract class TaskFormApiTests(CtmsAppFactory app)
{
    private static string Process(string id, string formId) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="review" name="Review the site">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="pi" />
                <zeebe:formDefinition formId="{formId}" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Form(string formId, string label) => $$"""
        { "id": "{{formId}}", "type": "default", "components": [
          { "type": "textfield", "id": "Field_site", "key": "site", "label": "{{label}}", "validate": { "required": true, "pattern": "^[A-Z]" } },
          { "type": "select", "id": "Field_outcome", "key": "outcome", "label": "Outcome",
            "values": [ { "label": "Accept", "value": "accept" }, { "label": "Reject", "value": "reject" } ] },
          { "type": "textfield", "id": "Field_subject", "key": "subject", "label": "Subject", "disabled": true }
        ] }
        """;

    private static async Task<string> TaskOfAsync(HttpClient client, string processId, string instanceId)
    {
        var page = await (await client.GetAsync($"/api/tasks?view=groups&processId={processId}&instanceId={instanceId}")).ReadAsync<JsonElement>();
        return page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    private static async Task<string> StartAsync(HttpClient admin, string processId) =>
        (await (await admin.PostAsJsonAsync("/api/process-instances", new { processId, variables = new { subject = "S-001", site = "Ward 1" } })).ReadAsync<JsonElement>())
        .GetProperty("id").GetString()!;

    [Fact]
    public async Task The_server_refuses_data_that_breaks_the_form_keyed_by_field_and_the_task_stays_open_until_the_data_is_fixed()
    {
        using var admin = await app.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (processId, formId) = ("site-review-" + suffix, "site-review-form-" + suffix);
        (await admin.PostAsJsonAsync("/api/forms", new { name = "site.form", json = Form(formId, "Site") })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "site.bpmn", xml = Process(processId, formId) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var instanceId = await StartAsync(admin, processId);
        var (pi, _) = await app.UserAsync("pi");
        var (crc, _) = await app.UserAsync("crc");
        var taskId = await TaskOfAsync(pi, processId, instanceId);

        var form = await (await pi.GetAsync($"/api/tasks/{taskId}/form")).ReadAsync<JsonElement>();
        form.GetProperty("formId").GetString().ShouldBe(formId);
        form.GetProperty("version").GetInt32().ShouldBe(1);
        form.GetProperty("schema").GetProperty("components")[0].GetProperty("key").GetString().ShouldBe("site");
        form.GetProperty("data").GetProperty("subject").GetString().ShouldBe("S-001");
        await (await crc.GetAsync($"/api/tasks/{taskId}/form")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var missing = await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { site = "", outcome = "maybe" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing.GetProperty("errors").GetProperty("site").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Field is required."]);
        missing.GetProperty("errors").GetProperty("outcome")[0].GetString().ShouldBe("'maybe' is not one of the field's options.");
        var pattern = await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { site = "ward 3" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        pattern.GetProperty("errors").GetProperty("site")[0].GetString().ShouldBe("Field must match pattern ^[A-Z].");

        // Nothing was saved: the task is still open and unclaimed, offered to the group.
        var open = await (await pi.GetAsync($"/api/tasks/{taskId}")).ReadAsync<JsonElement>();
        open.GetProperty("assignee").ValueKind.ShouldBe(JsonValueKind.Null);

        (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { site = "Ward 3", outcome = "accept", subject = "forged", approved = true } }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var done = await (await admin.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
        done.GetProperty("status").GetString().ShouldBe("Completed");
        var variables = done.GetProperty("variables");
        variables.GetProperty("site").GetString().ShouldBe("Ward 3");
        variables.GetProperty("outcome").GetString().ShouldBe("accept");
        variables.GetProperty("subject").GetString().ShouldBe("S-001"); // a disabled field is not taken from the browser
        variables.TryGetProperty("approved", out _).ShouldBeFalse(); // nor a name that is no field of the form
    }

    [Fact]
    public async Task A_changed_form_makes_a_new_definition_version_and_running_instances_keep_the_form_they_were_started_with()
    {
        using var admin = await app.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (processId, formId) = ("bound-" + suffix, "bound-form-" + suffix);
        var xml = Process(processId, formId);
        (await admin.PostAsJsonAsync("/api/forms", new { name = "b.form", json = Form(formId, "Site v1") })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var first = await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "b.bpmn", xml })).ReadAsync<JsonElement>();
        first[0].GetProperty("version").GetInt32().ShouldBe(1);
        var oldInstance = await StartAsync(admin, processId);

        // The same XML again with the same form keeps its version.
        (await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "b.bpmn", xml })).ReadAsync<JsonElement>())[0]
            .GetProperty("version").GetInt32().ShouldBe(1);

        (await (await admin.PostAsJsonAsync("/api/forms", new { name = "b.form", json = Form(formId, "Site v2") })).ReadAsync<JsonElement>())
            .GetProperty("version").GetInt32().ShouldBe(2);
        (await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "b.bpmn", xml })).ReadAsync<JsonElement>())[0]
            .GetProperty("version").GetInt32().ShouldBe(2);
        var newInstance = await StartAsync(admin, processId);

        var (pi, _) = await app.UserAsync("pi");
        var oldForm = await (await pi.GetAsync($"/api/tasks/{await TaskOfAsync(pi, processId, oldInstance)}/form")).ReadAsync<JsonElement>();
        oldForm.GetProperty("version").GetInt32().ShouldBe(1);
        oldForm.GetProperty("schema").GetProperty("components")[0].GetProperty("label").GetString().ShouldBe("Site v1");
        var newForm = await (await pi.GetAsync($"/api/tasks/{await TaskOfAsync(pi, processId, newInstance)}/form")).ReadAsync<JsonElement>();
        newForm.GetProperty("version").GetInt32().ShouldBe(2);
        newForm.GetProperty("schema").GetProperty("components")[0].GetProperty("label").GetString().ShouldBe("Site v2");

        var list = await (await admin.GetAsync("/api/forms")).ReadAsync<JsonElement>();
        var entry = list.EnumerateArray().Single(f => f.GetProperty("formId").GetString() == formId);
        entry.GetProperty("latestVersion").GetInt32().ShouldBe(2);
        entry.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([2, 1]);
    }

    [Fact]
    public async Task A_definition_deployed_before_its_form_shows_the_latest_form()
    {
        using var admin = await app.AdminAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (processId, formId) = ("late-" + suffix, "late-form-" + suffix);
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "l.bpmn", xml = Process(processId, formId) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var instanceId = await StartAsync(admin, processId);
        var (pi, _) = await app.UserAsync("pi");
        var taskId = await TaskOfAsync(pi, processId, instanceId);
        await (await pi.GetAsync($"/api/tasks/{taskId}/form")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await admin.PostAsJsonAsync("/api/forms", new { name = "l.form", json = Form(formId, "Late") })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await pi.GetAsync($"/api/tasks/{taskId}/form")).ReadAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(1);
        await (await pi.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { site = "" } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class TaskFormApiTests_Sqlite(SqliteAppFactory app) : TaskFormApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class TaskFormApiTests_Postgres(PostgresAppFactory app) : TaskFormApiTests(app), IClassFixture<PostgresAppFactory>;
