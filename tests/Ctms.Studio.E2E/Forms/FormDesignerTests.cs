using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Forms;

/// <summary>The form designer: a form opens in the form-js editor, previews with test data, deploys new versions.</summary>
public sealed class FormDesignerTests(RunningHost host, Browser browser) : IClassFixture<RunningHost>, IClassFixture<Browser>
{

    private const string Form = """
        { "id": "consent-form", "type": "default", "components": [
          { "type": "textfield", "id": "Field_site", "key": "site", "label": "Site", "validate": { "required": true } }
        ] }
        """;

    [Fact]
    public async Task A_form_is_previewed_with_test_data_and_deployed_as_a_new_form_from_the_studio()
    {
        await FirstSignIn.RunAsAdminAsync(browser, host, "form-designer-failure", RunAsync);
    }

    private async Task RunAsync(IPage page, HttpClient api)
    {
        (await api.PostAsJsonAsync("/api/forms", new { name = "consent.form", json = Form })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await page.GotoAsync("/forms");
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("form-row-consent-form")).ToBeVisibleAsync();
        await page.GetByTestId("form-open-consent-form").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/forms/consent-form$"));
        await Assertions.Expect(page.GetByTestId("form-editor").Locator(".fjs-editor-container")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("form-version")).ToContainTextAsync("v1 (latest)");
        await Browser.ScreenshotAsync(page, "form-designer");

        // The preview renders the editor's form with the test data, applied when the text changes.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await page.GetByTestId("form-test-data").FillAsync("""{ "site": "Ward 9" }""");
        await page.GetByTestId("form-test-data").BlurAsync();
        await Assertions.Expect(page.GetByTestId("form-preview").GetByLabel("Site")).ToHaveValueAsync("Ward 9");
        await page.GetByTestId("form-preview-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-preview-result")).ToContainTextAsync("\"site\": \"Ward 9\"");
        await page.GetByTestId("form-test-data").FillAsync("{ not json");
        await page.GetByTestId("form-test-data").BlurAsync();
        await Assertions.Expect(page.GetByTestId("form-test-data-error")).ToContainTextAsync("not valid JSON");

        // Deploying what did not change keeps the version.
        await page.GetByTestId("form-deploy").ClickAsync();
        await Assertions.Expect(page.GetByText("consent-form is unchanged: it stays version 1.")).ToBeVisibleAsync();
        (await api.GetFromJsonAsync<JsonElement>("/api/forms"))[0].GetProperty("latestVersion").GetInt32().ShouldBe(1);

        // A new form, deployed from the studio, becomes version 1 of its id.
        await page.GotoAsync("/forms/new");
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.GetByTestId("form-editor").Locator(".fjs-editor-container")).ToBeVisibleAsync();
        await page.GetByTestId("form-id").FillAsync("visit-checklist");
        await page.GetByTestId("form-deploy").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/forms/visit-checklist$"));
        await Assertions.Expect(page.GetByTestId("form-version")).ToContainTextAsync("v1 (latest)");
        var forms = await api.GetFromJsonAsync<JsonElement>("/api/forms");
        // Beside the SOPs' own forms, deployed from process-definitions/forms at start-up.
        forms.EnumerateArray().Select(f => f.GetProperty("formId").GetString()).ShouldContain("visit-checklist");
        forms.EnumerateArray().Select(f => f.GetProperty("formId").GetString()).ShouldContain("consent-form");
    }

}
