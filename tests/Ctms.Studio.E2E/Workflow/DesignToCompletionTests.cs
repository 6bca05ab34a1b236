using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Workflow;

/// <summary>
/// The studio's whole round, by the people who do it: the CTI secretary draws a process with a user task for the PIs in
/// the designer, deploys it and starts it; a PI finds the task in the inbox, is stopped by a missing required field,
/// fixes it and completes the task; the secretary sees the instance completed in the instance viewer.
/// </summary>
public sealed partial class DesignToCompletionTests(DemoHost host, Browser browser) : IClassFixture<DemoHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;
    private const string ProcessId = "pi-eligibility-confirmation";

    // The task form, deployed by the secretary beside the process (the form designer has browser tests of its own).
    private const string Form = """
        { "id": "pi-eligibility-form", "type": "default", "components": [
          { "type": "textfield", "id": "Field_reason", "key": "reason", "label": "Reason for the decision", "validate": { "required": true } },
          { "type": "checkbox", "id": "Field_eligible", "key": "eligible", "label": "The subject is eligible" }
        ] }
        """;

    [Fact]
    public async Task A_secretary_designs_deploys_and_starts_a_process_and_a_PI_completes_its_task_through_the_form()
    {
        await using var secretaryContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        await using var piContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var secretary = await StudioPage.NewPageAsync(secretaryContext, Timeout);
        var pi = await StudioPage.NewPageAsync(piContext, Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        try
        {
            var password = await StudioPage.SignInAsync(secretary, "cti-secretary", host.DemoPassword, "Secretary!" + Guid.NewGuid().ToString("N")[..8]);
            using (var api = await StudioPage.ApiAsync(host, "cti-secretary", password))
            {
                (await api.PostAsJsonAsync("/api/forms", new { name = "pi-eligibility.form", json = Form })).StatusCode.ShouldBe(HttpStatusCode.Created);
            }
            await DesignAndDeployAsync(secretary);
            var instanceId = await StartAsync(secretary);

            await StudioPage.SignInAsync(pi, "pi", host.DemoPassword, "Investigator!" + Guid.NewGuid().ToString("N")[..8]);
            await CompleteInInboxAsync(pi);

            // The secretary's viewer, still open on the instance, follows it to the end.
            await Assertions.Expect(secretary.GetByTestId("instance-status")).ToContainTextAsync("Completed");
            await Assertions.Expect(secretary.Locator("g.djs-element.ctms-completed[data-element-id='Task_Confirm']")).ToHaveCountAsync(1);
            await Assertions.Expect(secretary.Locator("g.djs-element.ctms-completed.djs-shape")).ToHaveCountAsync(3);
            await Assertions.Expect(secretary.Locator(".token-count")).ToHaveCountAsync(0);
            await Assertions.Expect(secretary.GetByTestId("instance-variables")).ToContainTextAsync("Inclusion criteria met");
            await Assertions.Expect(secretary.GetByTestId("instance-history")).ToContainTextAsync("pi");
            secretary.Url.ShouldEndWith(instanceId);
            await Browser.ScreenshotAsync(secretary, "workflow-instance-completed");
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(secretary, "workflow-failure-secretary");
            await Browser.ScreenshotAsync(pi, "workflow-failure-pi");
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nThe host said:\n{host.Output}");
        }
    }

    /// <summary>New definition → start event → append a task → make it a user task for group pi with the form → append an end event → deploy.</summary>
    private static async Task DesignAndDeployAsync(IPage page)
    {
        await StudioPage.FollowLinkAsync(page, "Processes", "/processes");
        await page.GetByTestId("new-definition").ClickAsync();
        await StudioPage.Field(page, "new-process-id").FillAsync(ProcessId);
        await StudioPage.Field(page, "new-process-name").FillAsync("PI confirms eligibility");
        await page.GetByTestId("create-definition").ClickAsync();
        await StudioPage.ReadyAsync(page);
        var start = page.Locator("g.djs-element[data-element-id='StartEvent_1']");
        await Assertions.Expect(start).ToBeAttachedAsync();

        // Append a task to the start event and name it (bpmn-js opens the label for typing).
        await start.ClickAsync();
        await page.Locator(".djs-context-pad [data-action='append.append-task']").ClickAsync();
        await page.Keyboard.TypeAsync("Confirm eligibility");
        await page.Locator("[data-testid='designer-canvas'] svg").First.ClickAsync(new() { Position = new() { X = 600, Y = 500 } });
        var task = page.Locator("g.djs-element.djs-shape").Filter(new() { HasText = "Confirm eligibility" });
        await Assertions.Expect(task).ToHaveCountAsync(1);
        var taskId = await task.GetAttributeAsync("data-element-id");
        var shape = page.Locator($"g.djs-element[data-element-id='{taskId}']");

        // Make it a user task: the wrench, then "User task" (the element keeps its id).
        await shape.ClickAsync();
        await page.Locator(".djs-context-pad [data-action='replace']").ClickAsync();
        await page.Locator(".djs-popup [data-id='replace-with-user-task']").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-popup")).ToHaveCountAsync(0);

        // Still selected: give it the id the test looks for, the PIs as candidates and the form, in the properties panel.
        await Assertions.Expect(page.Locator(".bio-properties-panel-header-label")).ToHaveTextAsync("Confirm eligibility");
        await Assertions.Expect(page.Locator(".bio-properties-panel-header-type")).ToContainTextAsync("User task", new() { IgnoreCase = true });
        await OpenGroupAsync(page, "General");
        await PanelField(page, "id").FillAsync("Task_Confirm");
        await OpenGroupAsync(page, "Assignment");
        await PanelField(page, "assignmentDefinitionCandidateGroups").FillAsync("pi");
        await OpenGroupAsync(page, "Form");
        await PanelField(page, "formType").SelectOptionAsync("camunda-form-linked");
        await PanelField(page, "formId").FillAsync("pi-eligibility-form");
        // Leave the field, so that the panel commits it before the diagram is touched again.
        await PanelField(page, "formId").PressAsync("Tab");
        var confirm = page.Locator("g.djs-element[data-element-id='Task_Confirm']");
        await Assertions.Expect(confirm).ToBeAttachedAsync();

        // Close the process with an end event after the task (still selected, its context pad open).
        var appendEnd = page.Locator(".djs-context-pad [data-action='append.end-event']");
        if (!await appendEnd.IsVisibleAsync())
        {
            await confirm.ClickAsync();
        }
        await appendEnd.ClickAsync();
        await page.Locator("[data-testid='designer-canvas'] svg").First.ClickAsync(new() { Position = new() { X = 600, Y = 500 } });
        await Assertions.Expect(page.Locator("g.djs-element.djs-shape[data-element-id^='Event_']")).ToHaveCountAsync(1);

        await page.GetByTestId("validate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("validation-ok")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "workflow-designed");
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync("v1");
        await Assertions.Expect(page.GetByTestId("unsaved-changes")).ToHaveCountAsync(0);
    }

    /// <summary>An entry of the properties panel: a plain input, a select, or the editor of a field that takes FEEL.</summary>
    private static ILocator PanelField(IPage page, string entryId) =>
        page.Locator($"[data-entry-id='{entryId}']").Locator("input, textarea, select, [contenteditable='true']").First;

    private static async Task OpenGroupAsync(IPage page, string title)
    {
        var header = page.Locator(".bio-properties-panel-group-header").Filter(new() { HasText = title }).First;
        if (await header.GetAttributeAsync("class") is { } classes && !classes.Contains("open", StringComparison.Ordinal))
        {
            await header.ClickAsync();
        }
    }

    /// <summary>From the process's instances, the start dialog: a business key, then the new instance's viewer, running.</summary>
    private static async Task<string> StartAsync(IPage page)
    {
        await page.GotoAsync($"/instances?processId={ProcessId}");
        await StudioPage.ReadyAsync(page);
        await page.GetByTestId("start-instance").ClickAsync();
        await Assertions.Expect(page.GetByTestId("start-process")).ToContainTextAsync(ProcessId);
        await StudioPage.Field(page, "start-business-key").FillAsync("DEMO-2026-001");
        await page.GetByTestId("start-submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(InstancePage());
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("instance-status")).ToContainTextAsync("Running");
        await Assertions.Expect(page.Locator(".token-count[data-element-id='Task_Confirm']")).ToHaveTextAsync("1");
        return page.Url[^36..];
    }

    /// <summary>The PI's inbox: the group's task, claimed, its form refused without the reason, then completed.</summary>
    private static async Task CompleteInInboxAsync(IPage page)
    {
        await StudioPage.ReadyAsync(page);
        await page.GetByTestId("tab-groups").ClickAsync();
        var row = page.GetByTestId("task-row").Filter(new() { HasText = "Confirm eligibility" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("DEMO-2026-001");
        await row.GetByTestId("task-claim").ClickAsync();
        await page.GetByTestId("tab-mine").ClickAsync();
        await Assertions.Expect(page.GetByTestId("nav-inbox-mine")).ToContainTextAsync("1");
        await Browser.ScreenshotAsync(page, "workflow-inbox");
        await page.GetByTestId("task-row").Filter(new() { HasText = "Confirm eligibility" }).GetByTestId("task-open").ClickAsync();

        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("task-name")).ToHaveTextAsync("Confirm eligibility");
        await page.GetByLabel("The subject is eligible").CheckAsync();
        await page.GetByTestId("task-complete").ClickAsync();
        await Assertions.Expect(page.Locator("[id$='-Field_reason-error-message']")).ToContainTextAsync("Field is required.");
        await Assertions.Expect(page).ToHaveURLAsync(TaskPage());

        await page.GetByLabel("Reason for the decision").FillAsync("Inclusion criteria met");
        await page.GetByTestId("task-complete").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(InboxPage());
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/instances/[0-9a-f-]{36}$")]
    private static partial Regex InstancePage();

    [GeneratedRegex("/tasks/[0-9a-f-]{36}$")]
    private static partial Regex TaskPage();

    [GeneratedRegex("/inbox$")]
    private static partial Regex InboxPage();
}
