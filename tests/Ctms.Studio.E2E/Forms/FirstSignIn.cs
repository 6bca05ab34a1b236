using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Forms;

/// <summary>
/// The administrator of a fresh host, in the browser and on the API: the printed one-time password is replaced on the
/// first sign-in (the API refuses a one-time password), then the API client signs in with the new one.
/// </summary>
internal static class FirstSignIn
{
    private const float Timeout = 30_000;

    /// <summary>
    /// Runs <paramref name="body"/> with a fresh browser page and API client, both signed in as the administrator; on
    /// failure a screenshot named <paramref name="failure"/> is saved and the host's output is added to the message.
    /// </summary>
    public static async Task RunAsAdminAsync(Browser browser, RunningHost host, string failure, Func<IPage, HttpClient, Task> body)
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        using var api = new HttpClient { BaseAddress = host.BaseUrl };
        try
        {
            await AdminAsync(page, api, host, "Forms!" + Guid.NewGuid().ToString("N")[..10]);
            await body(page, api);
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(page, failure);
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nThe host said:\n{host.Output}");
        }
    }

    private static async Task AdminAsync(IPage page, HttpClient api, RunningHost host, string password)
    {
        await StudioPage.SignInAsync(page, "admin", host.OneTimeAdminPassword, password);

        var response = await api.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
