using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Inbox;

/// <summary>
/// A PI's inbox in a real browser, open while the CTI office starts work through the REST API and a colleague claims
/// some: tasks arrive, move and leave without a reload, claim and give back move them between the tabs, and the
/// navigation's counts follow.
/// </summary>
public sealed class InboxLiveTests(RunningHost host, Browser browser) : IClassFixture<RunningHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;
    private const string Password = "Inbox!Live-2026x";

    private static string Process(string id) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:process id="{id}" name="Adverse event review" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="review" name="Review the adverse event report">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="pi" />
                <zeebe:taskSchedule dueDate="=due" />
                <zeebe:priorityDefinition priority="=priority" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Tasks_arrive_move_and_leave_an_open_inbox_without_a_reload_and_the_navigation_counts_follow()
    {
        using var api = new HttpClient { BaseAddress = host.BaseUrl };
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl.ToString(),
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        try
        {
            await WalkThroughAsync(api, page);
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(page, "inbox-failure");
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nThe host said:\n{host.Output}");
        }
    }

    private async Task WalkThroughAsync(HttpClient api, IPage page)
    {
        // The administrator replaces the printed password and sets the stage through the API: a process offered to
        // the PIs, and two PIs.
        var admin = await SignInAsync(api, "admin", host.OneTimeAdminPassword);
        (await SendAsync(api, admin, HttpMethod.Post, "/api/me/password", new { currentPassword = host.OneTimeAdminPassword, newPassword = Password })).EnsureSuccessStatusCode();
        admin = await SignInAsync(api, "admin", Password);
        var processId = "ae-review-" + Guid.NewGuid().ToString("N")[..6];
        (await SendAsync(api, admin, HttpMethod.Post, "/api/process-definitions", new { name = processId + ".bpmn", xml = Process(processId) })).EnsureSuccessStatusCode();
        foreach (var user in new[] { "dr-li", "dr-wang" })
        {
            (await SendAsync(api, admin, HttpMethod.Post, "/api/users", new { userName = user, displayName = user, roles = new[] { "pi" }, password = Password }))
                .EnsureSuccessStatusCode();
        }

        // Dr Li opens the inbox: nothing yet.
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", "dr-li");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My tasks");
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-inbox-mine")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("nav-inbox-groups")).ToHaveTextAsync("0");
        await page.GetByTestId("tab-groups").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToContainTextAsync("No unclaimed tasks");
        // Marks this document: a reload would lose the mark.
        await page.EvaluateAsync("() => window.inboxNeverReloaded = true");

        // The CTI office starts a review: it appears in the open page.
        var now = DateTimeOffset.UtcNow;
        await StartAsync(api, admin, processId, "CT-2026-014", now.AddDays(-2), 80);
        await Assertions.Expect(page.GetByTestId("task-row")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("nav-inbox-groups")).ToHaveTextAsync("1");

        // Three more: due today (later, so not overdue), due in a week, no due date.
        var laterToday = now.AddTicks((now.Date.AddDays(1) - now.UtcDateTime).Ticks / 2);
        await StartAsync(api, admin, processId, "CT-2026-015", laterToday, 50);
        await StartAsync(api, admin, processId, "CT-2026-016", now.AddDays(7), 30);
        await StartAsync(api, admin, processId, "CT-2026-017", null, 50);
        await StartAsync(api, admin, processId, "CT-2026-018", now.AddDays(-1), 50);
        await Assertions.Expect(page.GetByTestId("task-row")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("nav-inbox-groups")).ToHaveTextAsync("5");
        // Sorted by due date: the overdue first (in red), then today's (amber), the later one, the undated last.
        await Assertions.Expect(page.GetByTestId("task-row").First).ToContainTextAsync("CT-2026-014");
        await Assertions.Expect(page.Locator("[data-testid=task-row][data-due=overdue]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=task-row][data-due=today]")).ToContainTextAsync("Due today");
        await Assertions.Expect(page.GetByTestId("task-row").Last).ToContainTextAsync("CT-2026-017");
        await Assertions.Expect(page.GetByTestId("page-range")).ToHaveTextAsync("1–5 of 5");
        await Browser.ScreenshotAsync(page, "inbox");

        // Filters: overdue only, then a project, then none.
        await page.GetByTestId("filter-overdue").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-row")).ToHaveCountAsync(2);
        await page.Locator("input[data-testid=filter-text], [data-testid=filter-text] input").FillAsync("no such task");
        await Assertions.Expect(page.GetByTestId("inbox-nomatch")).ToBeVisibleAsync();
        await page.GetByTestId("filter-clear").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-row")).ToHaveCountAsync(5);

        // A colleague claims one through the API: it leaves Dr Li's page.
        var colleague = await SignInAsync(api, "dr-wang", Password);
        var offered = await (await SendAsync(api, colleague, HttpMethod.Get, $"/api/tasks?view=groups&businessKey=CT-2026-016", null)).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = offered.GetProperty("items")[0].GetProperty("id").GetString();
        (await SendAsync(api, colleague, HttpMethod.Post, $"/api/tasks/{theirs}/claim", null)).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("task-row")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("task-row").Filter(new() { HasText = "CT-2026-016" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-inbox-groups")).ToHaveTextAsync("4");

        // Dr Li claims the most overdue: it moves to "My tasks", and the counts follow.
        await page.GetByTestId("task-row").Filter(new() { HasText = "CT-2026-014" }).GetByTestId("task-claim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("task-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("nav-inbox-mine")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("nav-inbox-groups")).ToHaveTextAsync("3");
        await page.GetByTestId("tab-mine").ClickAsync();
        var mine = page.GetByTestId("task-row");
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine).ToContainTextAsync("CT-2026-014");
        await Assertions.Expect(mine).ToContainTextAsync("Overdue");
        await Assertions.Expect(mine.GetByTestId("task-open")).ToHaveAttributeAsync("href", new Regex("tasks/[0-9a-f-]{36}$"));
        await Browser.ScreenshotAsync(page, "inbox-mine");

        // On a phone (a second page, as the same user) the rows become cards of labelled cells, the filters fold away.
        var phone = await page.Context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/");
        await StudioPage.ReadyAsync(phone);
        await Assertions.Expect(phone.GetByTestId("task-row")).ToHaveCountAsync(1);
        await Assertions.Expect(phone.GetByTestId("task-row").Locator("td").First).ToHaveCSSAsync("display", "flex");
        await Assertions.Expect(phone.GetByTestId("filter-process")).ToBeHiddenAsync();
        await Browser.ScreenshotAsync(phone, "inbox-phone");
        await phone.CloseAsync();

        // Gives it back: "My tasks" is empty again, and the task is offered once more.
        await mine.GetByTestId("task-unclaim").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-inbox-mine")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("nav-inbox-groups")).ToHaveTextAsync("4");

        // The colleague completes theirs: their task was never Dr Li's, so nothing on her page changes; the page was
        // never reloaded.
        (await SendAsync(api, colleague, HttpMethod.Post, $"/api/tasks/{theirs}/complete", new { variables = new { } })).EnsureSuccessStatusCode();
        (await page.EvaluateAsync<bool>("() => window.inboxNeverReloaded === true")).ShouldBeTrue();
    }

    private static async Task StartAsync(HttpClient api, string token, string processId, string businessKey, DateTimeOffset? due, int priority)
    {
        var response = await SendAsync(api, token, HttpMethod.Post, "/api/process-instances", new
        {
            processId,
            businessKey,
            variables = new Dictionary<string, object?> { ["due"] = due?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), ["priority"] = priority },
        });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> SignInAsync(HttpClient api, string userName, string password)
    {
        var response = await api.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, string token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        var response = await api.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }
}
