using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Forms;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Tasks;

/// <summary>
/// A task's form in the browser: form-js refuses a missing required field on the field; what the browser lets through
/// the server refuses, and its messages land on their fields; completed, the task is gone.
/// </summary>
public sealed partial class TaskFormTests(RunningHost host, Browser browser) : IClassFixture<RunningHost>, IClassFixture<Browser>
{

    private const string FormId = "site-visit-form";

    private const string Form = """
        { "id": "site-visit-form", "type": "default", "components": [
          { "type": "textfield", "id": "Field_site", "key": "site", "label": "Site",
            "validate": { "required": true, "pattern": "^[A-Z]", "patternErrorMessage": "Start with a capital letter." } },
          { "type": "select", "id": "Field_outcome", "key": "outcome", "label": "Outcome",
            "values": [ { "label": "Accept", "value": "accept" }, { "label": "Reject", "value": "reject" } ] },
          { "type": "textfield", "id": "Field_subject", "key": "subject", "label": "Subject", "disabled": true }
        ] }
        """;

    private const string Process = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-visit" targetNamespace="t">
          <bpmn:process id="site-visit" name="Site visit" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="report" name="Report the site visit">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="admin" />
                <zeebe:formDefinition formId="site-visit-form" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="report" />
            <bpmn:sequenceFlow id="f2" sourceRef="report" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_task_form_shows_browser_and_server_errors_on_their_fields_and_completes_once_fixed()
    {
        await FirstSignIn.RunAsAdminAsync(browser, host, "task-form-failure", RunAsync);
    }

    private async Task RunAsync(IPage page, HttpClient api)
    {
        (await api.PostAsJsonAsync("/api/forms", new { name = "site-visit.form", json = Form })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await api.PostAsJsonAsync("/api/process-definitions", new { name = "site-visit.bpmn", xml = Process })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var instance = await (await api.PostAsJsonAsync("/api/process-instances", new { processId = "site-visit", businessKey = "CT-2026-007", variables = new { subject = "S-001" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var instanceId = instance.GetProperty("id").GetString();
        var tasks = await api.GetFromJsonAsync<JsonElement>($"/api/tasks?view=groups&instanceId={instanceId}");
        var taskId = tasks.GetProperty("items")[0].GetProperty("id").GetString();

        // The server's own check, without any browser: a value outside the options is refused under its key.
        var refused = await api.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { site = "Ward 3", outcome = "maybe" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("outcome")[0].GetString()
            .ShouldBe("'maybe' is not one of the field's options.");

        // (1) The browser's check: the required field empty, form-js marks it and nothing is sent.
        await OpenTaskAsync(page, taskId!);
        await Assertions.Expect(page.GetByTestId("task-name")).ToHaveTextAsync("Report the site visit");
        await Assertions.Expect(page.GetByTestId("task-business-key")).ToHaveTextAsync("CT-2026-007");
        await Assertions.Expect(page.GetByLabel("Subject")).ToHaveValueAsync("S-001");
        await page.GetByTestId("task-complete").ClickAsync();
        await Assertions.Expect(FieldError(page, "Field_site")).ToContainTextAsync("Field is required.");
        (await api.GetAsync($"/api/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Claim and give back from the task's header.
        await page.GetByTestId("task-claim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-assignee")).ToHaveTextAsync("admin");
        await page.GetByTestId("task-unclaim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-assignee")).ToHaveTextAsync("Nobody yet");
        await Assertions.Expect(page.GetByTestId("task-claim")).ToBeVisibleAsync();

        // (2) What the browser lets through, the server refuses, on the fields. Test-only: the page's submit skips
        // form-js's checks and sends a value outside the select's options, as a hand-edited request would.
        await page.RouteAsync(new Regex(@"/dist/form-viewer\.js$"), async route =>
        {
            var response = await route.FetchAsync();
            var script = SubmitCall().Replace(await response.TextAsync(), m => $"{{data:Object.assign({m.Groups[1].Value}._getSubmitData(),{{outcome:\"maybe\"}}),errors:{{}}}}");
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = script });
        });
        await OpenTaskAsync(page, taskId!);
        await page.GetByTestId("task-complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-errors")).ToContainTextAsync("Outcome: 'maybe' is not one of the field's options.");
        await Assertions.Expect(FieldError(page, "Field_outcome")).ToContainTextAsync("'maybe' is not one of the field's options.");
        await Assertions.Expect(FieldError(page, "Field_site")).ToContainTextAsync("Field is required.");
        await Browser.ScreenshotAsync(page, "task-form-server-errors");
        (await api.GetAsync($"/api/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await page.UnrouteAllAsync();

        // (3) Fixed: completed, back in the inbox, the task gone.
        await OpenTaskAsync(page, taskId!);
        await page.GetByLabel("Site").FillAsync("Ward 3");
        await Browser.ScreenshotAsync(page, "task-form");
        await page.GetByTestId("task-complete").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/inbox$"));
        (await api.GetAsync($"/api/tasks/{taskId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var done = await api.GetFromJsonAsync<JsonElement>($"/api/process-instances/{instanceId}");
        done.GetProperty("status").GetString().ShouldBe("Completed");
        done.GetProperty("variables").GetProperty("site").GetString().ShouldBe("Ward 3");

        // Someone it is not offered to, or a task that is gone, sees a plain not-found message.
        await page.GotoAsync($"/tasks/{taskId}");
        await Assertions.Expect(page.GetByTestId("task-not-found")).ToBeVisibleAsync();

        // A colleague was faster: the task was completed (here through the API) while the page was open.
        var second = await (await api.PostAsJsonAsync("/api/process-instances", new { processId = "site-visit", variables = new { subject = "S-002" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var secondTask = (await api.GetFromJsonAsync<JsonElement>($"/api/tasks?view=groups&instanceId={second.GetProperty("id").GetString()}"))
            .GetProperty("items")[0].GetProperty("id").GetString();
        await OpenTaskAsync(page, secondTask!);
        await page.GetByLabel("Site").FillAsync("Ward 4");
        (await api.PostAsJsonAsync($"/api/tasks/{secondTask}/complete", new { variables = new { site = "Ward 5" } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await page.GetByTestId("task-complete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-conflict")).ToContainTextAsync("A colleague was faster");
    }

    // form-js puts a field's messages in the error element its input points to (aria-describedby).
    private static ILocator FieldError(IPage page, string fieldId) => page.Locator($"[id$='-{fieldId}-error-message']");

    private static async Task OpenTaskAsync(IPage page, string taskId)
    {
        await page.GotoAsync($"/tasks/{taskId}");
        await StudioPage.ReadyAsync(page);
        await page.GetByLabel("Site").WaitForAsync();
    }

    [GeneratedRegex(@"(\w+)\.submit\(\)")]
    private static partial Regex SubmitCall();
}
