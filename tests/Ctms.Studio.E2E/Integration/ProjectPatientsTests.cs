using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Integration;

/// <summary>
/// On the demo (which runs the simulated hospital beside the app), the demo project's CRC finds a patient at the hospital
/// by name, registers them with the project, sees them in the registered list by initials only, and reads their lab
/// results live.
/// </summary>
public sealed class ProjectPatientsTests(DemoHost host, Browser browser) : IClassFixture<DemoHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task A_CRC_finds_a_patient_by_name_registers_them_and_sees_their_initials_and_lab_results()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var page = await StudioPage.NewPageAsync(context, Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        var password = await StudioPage.SignInAsync(page, "crc", host.DemoPassword, "Crc!" + Guid.NewGuid().ToString("N")[..8]);
        using var api = await StudioPage.ApiAsync(host, "crc", password);
        var projects = await api.GetFromJsonAsync<JsonElement>("/api/projects");
        var projectId = (projects.ValueKind == JsonValueKind.Array ? projects : projects.GetProperty("items")).EnumerateArray()
            .First(p => p.GetProperty("protocolNumber").GetString() == "DEMO-2026-001").GetProperty("id").GetGuid();

        await page.GotoAsync($"/projects/{projectId}/patients");
        await StudioPage.ReadyAsync(page);
        // A name to look for: the first hypertension patient (I10) the hospital knows, then searched by name alone.
        await page.GetByTestId("search-diagnosis").FillAsync("I10");
        await page.GetByTestId("search-submit").ClickAsync();
        var firstRow = page.GetByTestId("search-results").Locator("tbody tr").First;
        await Assertions.Expect(firstRow).ToBeVisibleAsync();
        var fullName = (await firstRow.Locator("td").Nth(1).InnerTextAsync()).Trim();
        var initials = (await firstRow.Locator("td").Nth(2).InnerTextAsync()).Trim();
        await page.GetByTestId("search-diagnosis").FillAsync("");
        await page.GetByTestId("search-name").FillAsync(fullName);
        await page.GetByTestId("search-submit").ClickAsync();
        var row = page.GetByTestId("search-results").Locator("tbody tr").Filter(new() { HasText = fullName }).First;
        await Assertions.Expect(row).ToBeVisibleAsync();

        var register = row.GetByTestId("register-patient");
        if (await register.CountAsync() > 0)
        {
            await register.ClickAsync();
        }
        await Assertions.Expect(row.GetByTestId("found-registered")).ToBeVisibleAsync();
        var registered = page.GetByTestId("registered-patients");
        await Assertions.Expect(registered).ToContainTextAsync(initials);
        await Assertions.Expect(registered).Not.ToContainTextAsync(fullName);

        await registered.Locator("tbody tr").Filter(new() { HasText = initials }).Last.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByTestId("records-labs")).ToBeVisibleAsync();
        (await page.GetByTestId("lab-row").CountAsync()).ShouldBeGreaterThan(0);
        await Browser.ScreenshotAsync(page, "hospital-patient-records");
    }
}
