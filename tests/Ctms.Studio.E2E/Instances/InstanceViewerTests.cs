using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Instances;

/// <summary>
/// The instance viewer in a real browser: a process deployed through the API is started from the studio's dialog, its
/// token waits on the user task, and once the task is completed through the API the page shows the instance completed.
/// </summary>
public sealed class InstanceViewerTests(RunningHost host, Browser browser) : IClassFixture<RunningHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    private static string Process(string id) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                          xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="http://ctms.local/e2e">
          <bpmn:process id="{id}" name="Consent review" isExecutable="true">
            <bpmn:startEvent id="start" name="Consent signed" />
            <bpmn:userTask id="review" name="Review consent">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="admin" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="end" name="Reviewed" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="diagram">
            <bpmndi:BPMNPlane id="plane" bpmnElement="{id}">
              <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="250" y="80" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="end_di" bpmnElement="end"><dc:Bounds x="412" y="102" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="188" y="120" /><di:waypoint x="250" y="120" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="350" y="120" /><di:waypoint x="412" y="120" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task An_instance_started_in_the_studio_shows_its_token_on_the_user_task_and_then_its_completed_path()
    {
        using var api = new HttpClient { BaseAddress = host.BaseUrl };
        var password = await ReplaceOneTimePasswordAsync(api);
        var processId = "consent-review-" + Guid.NewGuid().ToString("N")[..6];
        (await api.PostAsJsonAsync("/api/process-definitions", new { name = "consent-review.bpmn", xml = Process(processId) })).EnsureSuccessStatusCode();

        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl.ToString(), Locale = "en-US", ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        try
        {
            await WalkThroughAsync(page, api, password, processId);
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(page, "instance-viewer-failure");
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nThe host said:\n{host.Output}");
        }
    }

    private static async Task WalkThroughAsync(IPage page, HttpClient api, string password, string processId)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/"));

        // The designer links to a process's instances; the dialog opens on that process.
        await page.GotoAsync($"/instances?processId={processId}");
        await StudioReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("instances-empty")).ToBeVisibleAsync();
        await page.GetByTestId("start-instance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-process")).ToContainTextAsync(processId);
        await Field(page, "start-business-key", "input").FillAsync("CONSENT-0042");
        var variables = Field(page, "start-variables", "textarea");
        await variables.FillAsync("""{"subject": "S-001", """);
        await page.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-error")).ToContainTextAsync("not valid JSON");
        await variables.FillAsync("""["not", "an", "object"]""");
        await page.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-error")).ToContainTextAsync("must be a JSON object");
        await variables.FillAsync("""{"subject": "S-001", "visit": 2, "notes": "Signed in the presence of the investigator after a 30-minute discussion; copy handed to the participant, original filed in the site binder, section 4."}""");
        await page.GetByTestId("start-submit").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/instances/[0-9a-f-]{36}$"));
        var instanceId = page.Url[^36..];
        await StudioReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Running");
        await Assertions.Expect(page.GetByTestId("instance-business-key")).ToHaveTextAsync("CONSENT-0042");
        await Assertions.Expect(page.Locator(".token-count[data-element-id='review']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("g.djs-element.ctms-active[data-element-id='review']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-element.ctms-completed[data-element-id='start']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-element.ctms-taken[data-element-id='f1']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-element.ctms-completed[data-element-id='end']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("instance-tasks")).ToContainTextAsync("Review consent");
        await Assertions.Expect(page.GetByTestId("instance-variables")).ToContainTextAsync("S-001");
        await Assertions.Expect(page.GetByTestId("variable-expand")).ToHaveCountAsync(1); // the long note is cut
        await Browser.ScreenshotAsync(page, "instance-viewer-running");

        // The task is completed elsewhere (the API); the page, polling while the instance runs, follows.
        var tasks = await (await api.GetAsync($"/api/tasks?view=groups&instanceId={instanceId}")).Content.ReadFromJsonAsync<JsonElement>();
        var taskId = tasks.GetProperty("items")[0].GetProperty("id").GetString();
        (await api.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { consentValid = true } })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Completed");
        await Assertions.Expect(page.Locator("g.djs-element.ctms-completed[data-element-id='end']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-element.ctms-completed[data-element-id='review']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("g.djs-element.ctms-taken[data-element-id='f2']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".token-count")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("instance-variables")).ToContainTextAsync("consentValid");
        await Assertions.Expect(page.GetByTestId("instance-history")).ToContainTextAsync("Review consent");
        await Assertions.Expect(page.GetByTestId("incidents-none")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "instance-viewer");

        // The list shows it ended; the status filter finds it among the completed ones.
        await page.GetByTestId("instance-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("instances-table")).ToContainTextAsync("CONSENT-0042");
        await Assertions.Expect(page.GetByTestId("instance-row-status")).ToContainTextAsync("Completed");
        await page.GotoAsync($"/instances?processId={processId}&status=running");
        await Assertions.Expect(page.GetByTestId("instances-empty")).ToBeVisibleAsync();
        await page.GotoAsync($"/instances?processId={processId}&status=completed");
        await Assertions.Expect(page.GetByTestId("instance-link")).ToHaveCountAsync(1);
        await Browser.ScreenshotAsync(page, "instances-list");
    }

    /// <summary>Signs the administrator in with the printed password, replaces it, and keeps a token for the new one.</summary>
    private async Task<string> ReplaceOneTimePasswordAsync(HttpClient api)
    {
        var password = "Studio!" + Guid.NewGuid().ToString("N")[..10];
        await AuthorizeAsync(api, host.OneTimeAdminPassword);
        (await api.PostAsJsonAsync("/api/me/password", new { currentPassword = host.OneTimeAdminPassword, newPassword = password })).EnsureSuccessStatusCode();
        await AuthorizeAsync(api, password);
        return password;
    }

    private static async Task AuthorizeAsync(HttpClient api, string password)
    {
        // A token that still carries the one-time password's claim is refused everywhere but /api/me.
        api.DefaultRequestHeaders.Authorization = null;
        var response = await api.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>A MudBlazor text field's input, whether the test id sits on the input or on its wrapper.</summary>
    private static ILocator Field(IPage page, string testId, string tag) =>
        page.Locator($"{tag}[data-testid='{testId}'], [data-testid='{testId}'] {tag}").First;

    /// <summary>A page is prerendered first; it reacts to clicks once its circuit is connected.</summary>
    private static Task StudioReadyAsync(IPage page) =>
        page.GetByTestId("studio-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
