using System.Text;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Projects;

/// <summary>
/// The applicant's remote application and the CTI office's formal review, in the browser as each of them works: the
/// applicant describes the study (which starts P01 and registers the project), uploads the checklist's materials on
/// the project's documents page and submits them from the inbox; the CTI secretary takes the formal review from the
/// group inbox, annotates the protocol, accepts, and the project page shows it waiting for the department and the PI.
/// </summary>
public sealed partial class ApplicationReviewTests(DemoHost host, Browser browser) : IClassFixture<DemoHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    // A phase II sponsor-initiated drug trial (the form's defaults) needs these eight.
    private static readonly string[] Required =
        ["application-form", "protocol", "icf", "pi-cv", "gcp-certificates", "investigators-brochure", "insurance", "nmpa-approval"];

    [Fact]
    public async Task An_applicant_applies_and_submits_the_materials_and_the_CTI_secretary_reviews_and_accepts_them()
    {
        await using var applicantContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        await using var secretaryContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var applicant = await StudioPage.NewPageAsync(applicantContext, Timeout);
        var secretary = await StudioPage.NewPageAsync(secretaryContext, Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        var protocol = "E2E-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        try
        {
            // The applicant describes the study; the process registers it and opens its documents page.
            await StudioPage.SignInAsync(applicant, "applicant", host.DemoPassword, "Applicant!" + Guid.NewGuid().ToString("N")[..8]);
            await StudioPage.FollowLinkAsync(applicant, "Projects", "/projects");
            await applicant.GetByTestId("new-application").ClickAsync();
            await applicant.WaitForURLAsync(new Regex("/projects/new$"));
            await StudioPage.ReadyAsync(applicant);
            await StudioPage.Field(applicant, "application-protocol").FillAsync(protocol);
            await StudioPage.Field(applicant, "application-title").FillAsync("A randomised phase II study of CT-202 in heart failure");
            await StudioPage.Field(applicant, "application-sponsor").FillAsync("Demo Pharma Ltd.");
            await StudioPage.Field(applicant, "application-department").FillAsync("Cardiology");
            await StudioPage.Field(applicant, "application-pi").FillAsync("pi");
            await StudioPage.Field(applicant, "application-enrollment").FillAsync("60");
            await Browser.ScreenshotAsync(applicant, "application-new");
            await applicant.GetByTestId("application-start").ClickAsync();
            await applicant.WaitForURLAsync(DocumentsPage());
            await StudioPage.ReadyAsync(applicant);
            var projectPath = DocumentsPage().Match(applicant.Url).Groups["project"].Value;
            await Assertions.Expect(applicant.GetByTestId("checklist-incomplete")).ToBeVisibleAsync();

            // The checklist's required materials, each uploaded with a comment.
            foreach (var code in Required)
            {
                // The checklist row's file input (the picker button opens it; a test sets its file directly). Its change
                // handler is wired just after the page renders: a file set before that is not seen, so set it again.
                var item = applicant.Locator("tr").Filter(new() { Has = applicant.GetByTestId($"checklist-{code}") });
                for (var attempt = 1; ; attempt++)
                {
                    await item.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
                    {
                        Name = code + ".pdf",
                        MimeType = "application/pdf",
                        Buffer = Pdf($"{code} of {protocol}"),
                    });
                    try
                    {
                        await applicant.GetByTestId("pending-upload").WaitForAsync(new() { Timeout = 5_000 });
                        break;
                    }
                    catch (TimeoutException) when (attempt < 3)
                    {
                    }
                }
                await StudioPage.Field(applicant, "upload-comment").FillAsync("Version 1.0");
                await applicant.GetByTestId("upload-submit").ClickAsync();
                await Assertions.Expect(applicant.GetByTestId($"document-{code}")).ToBeVisibleAsync();
            }
            await Assertions.Expect(applicant.GetByTestId("checklist-complete")).ToBeVisibleAsync();
            await Browser.ScreenshotAsync(applicant, "application-documents");

            // The submission is the applicant's task in the inbox.
            await applicant.GotoAsync("/");
            await StudioPage.ReadyAsync(applicant);
            var upload = applicant.GetByTestId("task-row").Filter(new() { HasText = "Upload materials and submit" });
            await Assertions.Expect(upload).ToContainTextAsync(protocol);
            await upload.GetByTestId("task-open").ClickAsync();
            await StudioPage.ReadyAsync(applicant);
            await applicant.GetByLabel("I uploaded the materials the checklist requires").CheckAsync();
            await applicant.GetByTestId("task-complete").ClickAsync();
            await Assertions.Expect(applicant).ToHaveURLAsync(new Regex("/inbox$"));

            // The CTI secretary takes the formal review from the group's inbox.
            await StudioPage.SignInAsync(secretary, "cti-secretary", host.DemoPassword, "Secretary!" + Guid.NewGuid().ToString("N")[..8]);
            await secretary.GotoAsync("/");
            await StudioPage.ReadyAsync(secretary);
            await secretary.GetByTestId("tab-groups").ClickAsync();
            var review = secretary.GetByTestId("task-row").Filter(new() { HasText = protocol });
            await Assertions.Expect(review).ToContainTextAsync("Check completeness and format");
            await review.GetByTestId("task-claim").ClickAsync();
            await secretary.GetByTestId("tab-mine").ClickAsync();

            // The secretary reads the protocol and leaves an annotation on its version.
            await secretary.GotoAsync($"/projects/{projectPath}/documents");
            await StudioPage.ReadyAsync(secretary);
            var protocolDocument = secretary.GetByTestId("document-protocol");
            await protocolDocument.Locator("[data-testid^='annotations-']").First.ClickAsync();
            await StudioPage.Field(secretary, "annotation-text").FillAsync("Section 7: state the stopping rules of the interim analysis.");
            await secretary.Keyboard.PressAsync("Tab");
            await secretary.GetByTestId("annotation-add").ClickAsync();
            await Assertions.Expect(secretary.GetByTestId("annotation")).ToContainTextAsync("stopping rules");
            await Browser.ScreenshotAsync(secretary, "application-annotation");

            // ... and accepts the application in the review's form.
            await secretary.GotoAsync("/");
            await StudioPage.ReadyAsync(secretary);
            await secretary.GetByTestId("task-row").Filter(new() { HasText = protocol }).GetByTestId("task-open").ClickAsync();
            await StudioPage.ReadyAsync(secretary);
            await Assertions.Expect(secretary.GetByTestId("task-name")).ToHaveTextAsync("Check completeness and format");
            await secretary.GetByLabel("Accept: complete and in form").CheckAsync();
            await secretary.GetByTestId("task-complete").ClickAsync();
            await Assertions.Expect(secretary).ToHaveURLAsync(new Regex("/inbox$"));

            // The project page: accepted, waiting for the department and the PI, and its audited history says who did what.
            await secretary.GotoAsync($"/projects/{projectPath}");
            await StudioPage.ReadyAsync(secretary);
            await Assertions.Expect(secretary.GetByTestId("project-protocol")).ToHaveTextAsync(protocol);
            await Assertions.Expect(secretary.GetByTestId("project-status").First).ToHaveAttributeAsync("data-status", "AwaitingConfirmation");
            await Assertions.Expect(secretary.GetByTestId("history-item")).ToHaveCountAsync(4);
            await Assertions.Expect(secretary.GetByTestId("project-history")).ToContainTextAsync("cti-secretary");
            await Assertions.Expect(secretary.Locator("[data-testid='lifecycle-step'][data-step='InFormalReview']")).ToHaveAttributeAsync("data-state", "Done");
            await Browser.ScreenshotAsync(secretary, "project-page");

            // The applicant sees their own application, and where it stands.
            await applicant.GotoAsync("/projects");
            await StudioPage.ReadyAsync(applicant);
            var row = applicant.GetByTestId("projects-table").Locator("tr").Filter(new() { HasText = protocol });
            await Assertions.Expect(row.GetByTestId("project-status")).ToHaveAttributeAsync("data-status", "AwaitingConfirmation");
            await Browser.ScreenshotAsync(applicant, "projects-list");
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(applicant, "application-failure-applicant");
            await Browser.ScreenshotAsync(secretary, "application-failure-secretary");
            throw new Xunit.Sdk.XunitException($"{e.Message}\n\nThe host said:\n{host.Output}");
        }
    }

    /// <summary>A small valid PDF whose text differs per document (the same content twice is refused as no new version).</summary>
    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes(
        $"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [GeneratedRegex("/projects/(?<project>[0-9a-f-]{36})/documents$")]
    private static partial Regex DocumentsPage();
}
