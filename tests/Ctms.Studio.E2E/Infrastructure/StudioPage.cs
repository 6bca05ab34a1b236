using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Infrastructure;

/// <summary>What every browser test does: sign in (replacing a one-time password when asked), wait for the circuit, fill a MudBlazor field, get an API token.</summary>
internal static partial class StudioPage
{
    /// <summary>
    /// Signs <paramref name="userName"/> in with <paramref name="password"/>; when the studio asks for a new password (a
    /// one-time one), sets <paramref name="newPassword"/>. Returns the password that works from now on.
    /// </summary>
    public static async Task<string> SignInAsync(IPage page, string userName, string password, string newPassword)
    {
        await page.GotoAsync("/account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page).Not.ToHaveURLAsync(LoginPage());
        if (!ChangePasswordPage().IsMatch(page.Url))
        {
            await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(userName);
            await ReadyAsync(page);
            return password;
        }
        await page.FillAsync("#current", password);
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync(userName);
        await ReadyAsync(page);
        return newPassword;
    }

    /// <summary>A page of its own in <paramref name="context"/>: a wide window and the tests' patience for every action.</summary>
    public static async Task<IPage> NewPageAsync(IBrowserContext context, float timeout)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(timeout);
        await page.SetViewportSizeAsync(1600, 900);
        return page;
    }

    /// <summary>A page is prerendered first; it reacts to clicks once its circuit is connected.</summary>
    public static Task ReadyAsync(IPage page) =>
        page.GetByTestId("studio-interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Follows a navigation link and waits until its page is there and interactive. A click that lands while the
    /// prerendered page is being replaced by the interactive one can be lost; the link is clicked again then.
    /// </summary>
    public static async Task FollowLinkAsync(IPage page, string linkName, string path)
    {
        var url = new Regex(Regex.Escape(path) + "([?#].*)?$");
        for (var attempt = 1; ; attempt++)
        {
            await ReadyAsync(page);
            await page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(url, new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await ReadyAsync(page);
    }

    /// <summary>A MudBlazor field's input, whether the test id sits on the input or on its wrapper.</summary>
    public static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], textarea[data-testid='{testId}'], [data-testid='{testId}'] input, [data-testid='{testId}'] textarea").First;

    /// <summary>An API client signed in as <paramref name="userName"/> (bearer token).</summary>
    public static async Task<HttpClient> ApiAsync(RunningHost host, string userName, string password)
    {
        var api = new HttpClient { BaseAddress = host.BaseUrl };
        var response = await api.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginPage();

    [GeneratedRegex("/account/change-password")]
    private static partial Regex ChangePasswordPage();
}
