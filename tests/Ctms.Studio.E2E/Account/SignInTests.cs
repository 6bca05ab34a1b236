using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Account;

/// <summary>The first minutes of a new installation, in a real browser against the app started as the README says.</summary>
public sealed class SignInTests(RunningHost host, Browser browser) : IClassFixture<RunningHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task The_administrator_signs_in_with_the_printed_password_replaces_it_and_reaches_the_inbox()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        try
        {
            await WalkThroughAsync(page);
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(page, "failure");
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nThe host said:\n{host.Output}");
        }
    }

    private async Task WalkThroughAsync(IPage page)
    {

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");

        // A wrong password: an error, and still on the sign-in page.
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", "Not-the-password1!");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("not correct");

        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", host.OneTimeAdminPassword);
        await page.ClickAsync("button[type=submit]");

        // A one-time password leads to the change-password page, whatever was asked for.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password"));
        await Browser.ScreenshotAsync(page, "change-password");
        var newPassword = "Studio!" + Guid.NewGuid().ToString("N")[..10];
        await page.FillAsync("#current", host.OneTimeAdminPassword);
        await page.FillAsync("#new", newPassword);
        await page.FillAsync("#confirm", newPassword);
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My tasks");
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("admin");
        await Browser.ScreenshotAsync(page, "inbox");

        await StudioPage.ReadyAsync(page);

        // Navigation by role: the administrator has Users and the audit trail.
        await StudioPage.FollowLinkAsync(page, "Users", "/admin/users");
        await Assertions.Expect(page.GetByTestId("users-table")).ToContainTextAsync("Administrator");
        await StudioPage.FollowLinkAsync(page, "Audit trail", "/admin/audit");
        await page.GetByTestId("verify-audit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-report")).ToContainTextAsync("intact");

        // The language switch: the same page in Simplified Chinese.
        await page.GotoAsync("/");
        await StudioPage.ReadyAsync(page);
        await page.GetByTestId("language-menu").Locator("button").ClickAsync();
        await page.GetByText("简体中文").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("我的待办");
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "用户" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "inbox-zh");

        // Sign out, then in again with the new password.
        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.FillAsync("#username", "admin");
        await page.FillAsync("#password", newPassword);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByTestId("inbox-empty")).ToBeVisibleAsync();
    }
}
