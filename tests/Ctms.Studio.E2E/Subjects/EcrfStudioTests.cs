using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Subjects;

/// <summary>
/// The e-CRF designer on the demo: the demo project's data manager opens it from the subjects page, creates a page, is
/// told why a page without a field or with a check that does not parse is refused, drops a number field in the form-js
/// editor, gives it an edit check, saves the draft and releases it; the release is read-only and a change becomes the
/// next draft. What the designer saved is what the REST API serves to data entry.
/// (Entry, queries and sign-off need an enrolled subject, which the demo has not; the host tests in
/// Ctms.Api.Tests/Subjects/Ecrf/EcrfPagesTests render the visits page for each role and sign through the studio's sender.)
/// </summary>
public sealed class EcrfStudioTests(DemoHost host, Browser browser) : IClassFixture<DemoHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    private static async Task FillAsync(ILocator input, string text)
    {
        await input.FillAsync(text);
        await input.BlurAsync();
    }

    [Fact]
    public async Task The_data_manager_designs_a_page_with_a_number_field_and_an_edit_check_releases_it_and_a_change_is_the_next_draft()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var page = await StudioPage.NewPageAsync(context, Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        var password = await StudioPage.SignInAsync(page, "data-manager", host.DemoPassword, "Dm!" + Guid.NewGuid().ToString("N")[..8] + "aA1");
        using var api = await StudioPage.ApiAsync(host, "data-manager", password);
        var projects = await api.GetFromJsonAsync<JsonElement>("/api/projects");
        var projectId = (projects.ValueKind == JsonValueKind.Array ? projects : projects.GetProperty("items")).EnumerateArray()
            .First(p => p.GetProperty("protocolNumber").GetString() == "DEMO-2026-001").GetProperty("id").GetGuid();

        await page.GotoAsync($"/projects/{projectId}/subjects");
        await StudioPage.FollowLinkAsync(page, "e-CRF designer", $"/projects/{projectId}/ecrf");
        await Assertions.Expect(page.GetByTestId("ecrf-pages-empty")).ToBeVisibleAsync();

        // A new page opens in the editor; without a field the domain refuses it, and the page says why.
        await FillAsync(Input(page.Locator("body"), "ecrf-new-code"), "VS");
        await FillAsync(Input(page.Locator("body"), "ecrf-new-title"), "Vital signs");
        await page.GetByTestId("ecrf-new-create").ClickAsync();
        var editor = page.GetByTestId("ecrf-editor");
        await Assertions.Expect(editor.Locator(".fjs-editor-container")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ecrf-current-heading")).ToContainTextAsync("VS (not saved yet)");
        await page.GetByTestId("ecrf-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ecrf-designer-error")).ToContainTextAsync("no field");

        // A number field dropped from the palette, its key set in the properties panel.
        var number = editor.Locator(".fjs-palette-field[data-field-type='number']");
        var target = editor.Locator(".fjs-drop-container-vertical").First;
        await number.ScrollIntoViewIfNeededAsync();
        var from = (await number.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + from.Width / 2 + 20, from.Y + from.Height / 2 + 5, new() { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + Math.Min(40, to.Height / 2), new() { Steps = 15 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(editor.Locator(".fjs-form-field-number")).ToHaveCountAsync(1);
        // The dropped field is selected (a click would toggle it off); the properties panel shows it.
        await Assertions.Expect(editor.Locator(".bio-properties-panel-header-type")).ToHaveTextAsync("Number");
        var key = editor.Locator("#bio-properties-panel-key");
        if (!await key.IsVisibleAsync())
        {
            await editor.Locator(".bio-properties-panel-group-header", new() { HasText = "General" }).First.ClickAsync();
        }
        await Assertions.Expect(key).ToBeVisibleAsync();
        await key.FillAsync("systolic");
        await key.BlurAsync();

        // An edit check that does not parse is refused with the FEEL error; corrected, the draft is saved as version 1.
        await page.GetByTestId("ecrf-check-add").ClickAsync();
        var check = page.GetByTestId("ecrf-check").First;
        await FillAsync(Input(check, "ecrf-check-field"), "systolic");
        await FillAsync(Input(check, "ecrf-check-expression"), "systolic <");
        await FillAsync(Input(check, "ecrf-check-message"), "Systolic of 200 or more: please confirm against the source.");
        await page.GetByTestId("ecrf-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ecrf-designer-error")).ToContainTextAsync("Edit check EC1");
        await FillAsync(Input(check, "ecrf-check-expression"), "systolic < 200");
        await page.GetByTestId("ecrf-save").ClickAsync();
        var current = page.GetByTestId("ecrf-current");
        await Assertions.Expect(current).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(current).ToHaveAttributeAsync("data-version", "1");
        await Assertions.Expect(page.GetByTestId("ecrf-designer-error")).ToHaveCountAsync(0);

        // Released: read-only from now on.
        await page.GetByTestId("ecrf-release").ClickAsync();
        await Assertions.Expect(current).ToHaveAttributeAsync("data-status", "Released");
        await Assertions.Expect(page.GetByTestId("ecrf-read-only")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("ecrf-release")).ToBeDisabledAsync();
        await Browser.ScreenshotAsync(page, "ecrf-designer");

        // After a reload the list shows the release, and the data entry side gets this very page.
        await page.ReloadAsync();
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.Locator("[data-testid='ecrf-page'][data-code='VS'] [data-testid='ecrf-page-version'][data-version='1']"))
            .ToHaveAttributeAsync("data-status", "Released");
        var served = await api.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/protocol/ecrf-pages/VS");
        served.GetProperty("status").GetString().ShouldBe("Released");
        served.GetProperty("title").GetString().ShouldBe("Vital signs");
        var field = JsonDocument.Parse(served.GetProperty("schema").GetString()!).RootElement.GetProperty("components").EnumerateArray()
            .Single(c => c.GetProperty("type").GetString() == "number");
        field.GetProperty("key").GetString().ShouldBe("systolic");
        var editCheck = served.GetProperty("editChecks").EnumerateArray().Single();
        editCheck.GetProperty("field").GetString().ShouldBe("systolic");
        editCheck.GetProperty("expression").GetString().ShouldBe("systolic < 200");

        // A change of the released page is the next version, a draft; version 1 stays released for entry.
        await page.GetByTestId("ecrf-open-VS").ClickAsync();
        await Assertions.Expect(editor.Locator(".fjs-form-field-number")).ToHaveCountAsync(1);
        await Assertions.Expect(Input(page.GetByTestId("ecrf-check").First, "ecrf-check-expression")).ToHaveValueAsync("systolic < 200");
        await page.GetByTestId("ecrf-save").ClickAsync();
        await Assertions.Expect(current).ToHaveAttributeAsync("data-version", "2");
        await Assertions.Expect(current).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(page.Locator("[data-testid='ecrf-page'][data-code='VS'] [data-testid='ecrf-page-version'][data-version='2']"))
            .ToHaveAttributeAsync("data-status", "Draft");
        (await api.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/protocol/ecrf-pages/VS")).GetProperty("version").GetInt32().ShouldBe(1);
        // Opened again, the editor has the released version (the one entry uses) and says that the draft is replaced by a save.
        await page.GetByTestId("ecrf-open-VS").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ecrf-hidden-draft")).ToContainTextAsync("Version 2 is a draft");
    }
}
