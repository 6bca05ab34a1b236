using System.Text;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Designer;

/// <summary>
/// The process designer in a real browser: a new definition, an imported SOP with an unsupported element whose
/// validation error is drawn on that element, then a valid SOP simulated (trace on the diagram) and deployed.
/// </summary>
public sealed class DesignerTests(RunningHost host, Browser browser) : IClassFixture<RunningHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task The_designer_shows_the_validation_error_of_an_unsupported_element_on_that_element()
    {
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        try
        {
            await WalkThroughAsync(page);
        }
        catch (Exception e)
        {
            await Browser.ScreenshotAsync(page, "designer-failure");
            throw new Xunit.Sdk.XunitException($"{e}\n\nThe host said:\n{host.Output}");
        }
    }

    private async Task WalkThroughAsync(IPage page)
    {
        await SignInAsAdministratorAsync(page);

        // A new definition: its id and name, then the modeler on a diagram with a start event.
        await page.GotoAsync("/processes");
        await StudioPage.ReadyAsync(page);
        await page.GetByTestId("new-definition").ClickAsync();
        await StudioPage.Field(page, "new-process-id").FillAsync("ethics-review");
        await StudioPage.Field(page, "new-process-name").FillAsync("Ethics committee review");
        await page.GetByTestId("create-definition").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/processes/new\\?processId=ethics-review"));
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='StartEvent_1']")).ToBeAttachedAsync();
        await Assertions.Expect(page.GetByTestId("unsaved-changes")).ToBeVisibleAsync();

        // The SOP as drawn elsewhere, with a complex gateway the engine refuses for good.
        await ImportAsync(page, Sop(gateway: "complexGateway"));
        var gateway = page.Locator("g.djs-element[data-element-id='Gateway_Complete']");
        await Assertions.Expect(gateway).ToBeAttachedAsync();
        await page.GetByTestId("validate").ClickAsync();

        var overlay = page.Locator(".djs-overlays[data-container-id='Gateway_Complete'] [data-testid='problem-overlay']");
        await Assertions.Expect(overlay).ToBeVisibleAsync();
        await Assertions.Expect(overlay).ToHaveAttributeAsync("data-element-id", "Gateway_Complete");
        await Assertions.Expect(gateway).ToHaveClassAsync(new Regex("ctms-problem"));
        await Assertions.Expect(page.Locator("[data-testid='problem'][data-element-id='Gateway_Complete']")).ToContainTextAsync("Complex gateways are not supported");
        // The valid elements carry no mark.
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Task_Check']")).Not.ToHaveClassAsync(new Regex("ctms-problem"));
        await overlay.HoverAsync();
        await Browser.ScreenshotAsync(page, "designer-validation");

        // Deploy refuses it, with the problems still marked.
        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page.GetByText("Not deployed")).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/processes/new"));

        // The same SOP with an exclusive gateway validates, simulates with its trace drawn, and deploys as version 1.
        await ImportAsync(page, Sop(gateway: "exclusiveGateway"));
        await Assertions.Expect(overlay).ToHaveCountAsync(0);
        await page.GetByTestId("validate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("validation-ok")).ToBeVisibleAsync();

        await page.GetByTestId("deploy").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/processes/ethics-review\\?version=1"));
        await Assertions.Expect(page.GetByTestId("designer-title")).ToContainTextAsync("v1");
        await Assertions.Expect(page.GetByTestId("unsaved-changes")).ToHaveCountAsync(0);

        // The deployed version opened afresh: simulated, with the trace on the diagram (the README's screenshot).
        await page.GotoAsync("/processes/ethics-review");
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Task_Review']")).ToBeAttachedAsync();
        await page.GetByTestId("simulate").ClickAsync();
        await StudioPage.Field(page, "simulation-script").FillAsync("""
            {"variables": {"complete": true},
             "steps": [{"complete": "Task_Check", "variables": {"complete": false}},
                       {"complete": "Task_Request"},
                       {"complete": "Task_Check", "variables": {"complete": true}}]}
            """);
        await page.GetByTestId("run-simulation").ClickAsync();
        await Assertions.Expect(page.GetByTestId("simulation-state")).ToContainTextAsync("active");
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Task_Review']")).ToHaveClassAsync(new Regex("ctms-active"));
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Task_Check']")).ToHaveClassAsync(new Regex("ctms-completed"));
        await Assertions.Expect(page.Locator(".djs-overlays[data-container-id='Task_Check'] [data-testid='trace-step']")).ToHaveTextAsync("2,5");
        await page.Locator("g.djs-element[data-element-id='Task_Review']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("properties-panel")).ToContainTextAsync("EC review");
        await Browser.ScreenshotAsync(page, "designer");

        // Compare the deployed version with an edited diagram: the renamed task is marked and listed as changed.
        await ImportAsync(page, Sop(gateway: "exclusiveGateway", review: "EC full-board review"));
        await page.GetByTestId("compare").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid='diff-entry'][data-kind='changed'][data-element-id='Task_Review']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("compare-right-canvas").Locator("g.djs-element[data-element-id='Task_Review']")).ToHaveClassAsync(new Regex("ctms-changed"));
        await Browser.ScreenshotAsync(page, "designer-compare");

        await page.GotoAsync("/processes");
        var row = page.Locator("[data-testid='process-row'][data-process-id='ethics-review']");
        await Assertions.Expect(row).ToContainTextAsync("Ethics committee review");
        await Browser.ScreenshotAsync(page, "processes");

        // The export: a zip of the current versions, named as the start-up deployer reads them.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-definitions").ClickAsync());
        var zipPath = Path.Combine(Path.GetTempPath(), $"ctms-export-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(zipPath);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(zipPath))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "ethics-review.bpmn");
        }
        File.Delete(zipPath);

        // In Chinese the modeler speaks Chinese too: the palette, and the properties panel of a user task.
        await page.GotoAsync("/culture?name=zh-CN&returnUrl=" + Uri.EscapeDataString("/processes/ethics-review"));
        await StudioPage.ReadyAsync(page);
        await Assertions.Expect(page.Locator(".djs-palette .entry.bpmn-icon-hand-tool")).ToHaveAttributeAsync("aria-label", "启动手动工具");
        await page.Locator("g.djs-element[data-element-id='Task_Review']").ClickAsync();
        await Assertions.Expect(page.Locator(".bio-properties-panel-group-header-title").Filter(new() { HasText = "分配" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "designer-zh");
    }

    private Task<string> SignInAsAdministratorAsync(IPage page) =>
        StudioPage.SignInAsync(page, "admin", host.OneTimeAdminPassword, "Designer!" + Guid.NewGuid().ToString("N")[..10]);

    private static async Task ImportAsync(IPage page, string xml)
    {
        await page.GetByTestId("import-xml").SetInputFilesAsync(new FilePayload
        {
            Name = "ethics-review.bpmn",
            MimeType = "application/xml",
            Buffer = Encoding.UTF8.GetBytes(xml),
        });
        await Assertions.Expect(page.Locator("g.djs-element[data-element-id='Task_Review']")).ToBeAttachedAsync();
    }

    /// <summary>A small SOP: an application checked for completeness (sent back until complete), then reviewed by the ethics committee.</summary>
    private static string Sop(string gateway, string review = "EC review") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
            xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_ethics" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="ethics-review" name="Ethics committee review" isExecutable="true">
            <bpmn:startEvent id="StartEvent_1" name="Application received" />
            <bpmn:userTask id="Task_Check" name="Check completeness">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="cti-secretary" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:{{gateway}} id="Gateway_Complete" name="Complete?" default="Flow_Yes" />
            <bpmn:userTask id="Task_Request" name="Request missing documents">
              <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="cti-secretary" /></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:userTask id="Task_Review" name="{{review}}">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="ec-chair" />
                <zeebe:taskSchedule dueDate="=now() + duration(&quot;P14D&quot;)" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="EndEvent_Decided" name="Decision recorded" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Check" />
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Check" targetRef="Gateway_Complete" />
            <bpmn:sequenceFlow id="Flow_Yes" name="yes" sourceRef="Gateway_Complete" targetRef="Task_Review" />
            <bpmn:sequenceFlow id="Flow_No" name="no" sourceRef="Gateway_Complete" targetRef="Task_Request">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=complete = false</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Flow_Back" sourceRef="Task_Request" targetRef="Task_Check" />
            <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_Review" targetRef="EndEvent_Decided" />
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_1">
            <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="ethics-review">
              <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="182" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Check_di" bpmnElement="Task_Check"><dc:Bounds x="240" y="160" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Gateway_Complete_di" bpmnElement="Gateway_Complete" isMarkerVisible="true"><dc:Bounds x="395" y="175" width="50" height="50" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Request_di" bpmnElement="Task_Request"><dc:Bounds x="370" y="300" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="Task_Review_di" bpmnElement="Task_Review"><dc:Bounds x="500" y="160" width="100" height="80" /></bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="EndEvent_Decided_di" bpmnElement="EndEvent_Decided"><dc:Bounds x="662" y="182" width="36" height="36" /></bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="200" /><di:waypoint x="240" y="200" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="200" /><di:waypoint x="395" y="200" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_Yes_di" bpmnElement="Flow_Yes"><di:waypoint x="445" y="200" /><di:waypoint x="500" y="200" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_No_di" bpmnElement="Flow_No"><di:waypoint x="420" y="225" /><di:waypoint x="420" y="300" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_Back_di" bpmnElement="Flow_Back"><di:waypoint x="370" y="340" /><di:waypoint x="290" y="340" /><di:waypoint x="290" y="240" /></bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_End_di" bpmnElement="Flow_End"><di:waypoint x="600" y="200" /><di:waypoint x="662" y="200" /></bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """;
}
