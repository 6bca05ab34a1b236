using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Projects;
using static Ctms.Api.Tests.Documents.DocumentTestData;

namespace Ctms.Api.Tests.Documents;

/// <summary>The formal review's side of documents: annotations per version, the checklist by type and phase, and the two activities in a process.</summary>
public sealed class DocumentReviewTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private static string Chain(params string[] ids) =>
        string.Join("\n", ids.Zip(ids.Skip(1), (a, b) => $"<bpmn:sequenceFlow id=\"{a}-{b}\" sourceRef=\"{a}\" targetRef=\"{b}\" />"));

    [Fact]
    public async Task The_CTI_secretary_annotates_a_version_the_applicant_reads_it_and_only_the_office_resolves_it()
    {
        var study = await StudyAsync(app);
        var (secretary, secretaryName) = await app.UserAsync("cti-secretary");
        var v1 = await (await UploadAsync(study.Applicant, study.Id, "protocol", "protocol.pdf", Pdf("review v1"))).ReadAsync<VersionBody>();

        var created = await secretary.PostAsJsonAsync($"/api/documents/versions/{v1.Id}/annotations",
            new { text = "Section 5.2: the visit window is missing.", page = 12, anchor = "5.2" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var annotation = await created.ReadAsync<AnnotationBody>();
        annotation.Author.ShouldBe(secretaryName);
        annotation.Page.ShouldBe(12);
        annotation.VersionNumber.ShouldBe(1);
        annotation.DocumentTitle.ShouldBe("Protocol");

        var seen = await (await study.Applicant.GetAsync($"/api/documents/versions/{v1.Id}/annotations")).ReadAsync<List<AnnotationBody>>();
        seen.ShouldHaveSingleItem().Text.ShouldBe("Section 5.2: the visit window is missing.");
        var listed = await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents")).ReadAsync<List<DocumentBody>>();
        listed.ShouldHaveSingleItem().Versions.ShouldHaveSingleItem().OpenAnnotations.ShouldBe(1);

        await (await study.Applicant.PostAsJsonAsync($"/api/documents/versions/{v1.Id}/annotations", new { text = "Fine." }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await study.Applicant.PostAsync($"/api/documents/annotations/{annotation.Id}/resolve", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var outsider = await StudyAsync(app);
        await (await outsider.Applicant.GetAsync($"/api/documents/versions/{v1.Id}/annotations")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await secretary.PostAsJsonAsync($"/api/documents/versions/{v1.Id}/annotations", new { text = " ", page = 0 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var resolved = await (await secretary.PostAsync($"/api/documents/annotations/{annotation.Id}/resolve", null)).ReadAsync<AnnotationBody>();
        resolved.ResolvedBy.ShouldBe(secretaryName);
        resolved.ResolvedAt.ShouldNotBeNull();
        await (await secretary.PostAsync($"/api/documents/annotations/{annotation.Id}/resolve", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await (await study.Applicant.GetAsync($"/api/documents/versions/{v1.Id}/annotations?openOnly=true")).ReadAsync<List<AnnotationBody>>())
            .ShouldBeEmpty();
        (await (await study.Applicant.GetAsync($"/api/documents/versions/{v1.Id}/annotations")).ReadAsync<List<AnnotationBody>>())
            .ShouldHaveSingleItem().ResolvedBy.ShouldBe(secretaryName);
    }

    [Theory]
    [InlineData(TrialPhase.PhaseI, ProjectType.SponsorInitiated, "investigators-brochure,nmpa-approval,insurance,phase-i-qualification", "funding-statement,device-test-report")]
    [InlineData(TrialPhase.Device, ProjectType.SponsorInitiated, "device-test-report,device-instructions,nmpa-approval,insurance", "investigators-brochure,phase-i-qualification,funding-statement")]
    [InlineData(TrialPhase.PhaseIII, ProjectType.InvestigatorInitiated, "funding-statement", "nmpa-approval,phase-i-qualification,device-test-report")]
    public async Task The_checklist_follows_the_project_type_and_phase(TrialPhase phase, ProjectType type, string required, string absent)
    {
        var study = await StudyAsync(app, phase, type);
        var checklist = await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents/checklist")).ReadAsync<ChecklistBody>();

        var codes = checklist.Items.ToDictionary(i => i.Code);
        foreach (var code in required.Split(',').Concat(["application-form", "protocol", "icf", "pi-cv", "gcp-certificates"]))
        {
            codes.ShouldContainKey(code);
            codes[code].Required.ShouldBeTrue(code);
        }
        foreach (var code in absent.Split(','))
        {
            codes.ShouldNotContainKey(code);
        }
        if (type == ProjectType.InvestigatorInitiated)
        {
            codes["investigators-brochure"].Required.ShouldBeFalse("an IIT of a marketed drug needs no brochure of its own");
        }
        checklist.Complete.ShouldBeFalse();
        checklist.Items.ShouldAllBe(i => i.DocumentId == null);
    }

    [Fact]
    public async Task The_checklist_is_complete_when_every_required_item_has_a_document_and_speaks_the_readers_language()
    {
        var study = await StudyAsync(app, TrialPhase.PhaseIII, ProjectType.InvestigatorInitiated);
        var required = (await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents/checklist")).ReadAsync<ChecklistBody>())
            .Items.Where(i => i.Required).ToList();
        foreach (var item in required)
        {
            (await UploadAsync(study.Applicant, study.Id, item.Code, item.Code + ".pdf", Pdf(item.Code))).StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        (await UploadAsync(study.Applicant, study.Id, "protocol", "protocol-v2.pdf", Pdf("protocol v2"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var checklist = await (await study.Applicant.GetAsync($"/api/projects/{study.Id}/documents/checklist")).ReadAsync<ChecklistBody>();
        checklist.Complete.ShouldBeTrue();
        checklist.Items.Single(i => i.Code == "protocol").LatestVersion.ShouldBe(2);
        checklist.Items.Where(i => !i.Required).ShouldAllBe(i => i.DocumentId == null);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{study.Id}/documents/checklist");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var chinese = await (await study.Applicant.SendAsync(request)).ReadAsync<ChecklistBody>();
        chinese.Items.Single(i => i.Code == "protocol").Title.ShouldBe("临床试验方案");
    }

    [Fact]
    public async Task The_check_and_annotate_activities_give_a_process_the_missing_documents_and_the_open_annotations_of_the_latest_versions()
    {
        var study = await StudyAsync(app, TrialPhase.PhaseII, ProjectType.SponsorInitiated);
        var (secretary, secretaryName) = await app.UserAsync("cti-secretary");
        var protocol1 = await (await UploadAsync(study.Applicant, study.Id, "protocol", "protocol.pdf", Pdf("act v1"))).ReadAsync<VersionBody>();
        var icf = await (await UploadAsync(study.Applicant, study.Id, "icf", "icf.docx", Docx("act icf"))).ReadAsync<VersionBody>();
        (await secretary.PostAsJsonAsync($"/api/documents/versions/{protocol1.Id}/annotations", new { text = "Old remark" })).EnsureSuccessStatusCode();
        var protocol2 = await (await UploadAsync(study.Applicant, study.Id, "protocol", "protocol.pdf", Pdf("act v2"))).ReadAsync<VersionBody>();
        (await secretary.PostAsJsonAsync($"/api/documents/versions/{protocol2.Id}/annotations", new { text = "Add the stopping rules.", page = 3 }))
            .EnsureSuccessStatusCode();
        var resolvedOne = await (await secretary.PostAsJsonAsync($"/api/documents/versions/{icf.Id}/annotations", new { text = "Typo" })).ReadAsync<AnnotationBody>();
        (await secretary.PostAsync($"/api/documents/annotations/{resolvedOne.Id}/resolve", null)).EnsureSuccessStatusCode();

        using var admin = await app.AdminAsync();
        var id = "documents-" + Guid.NewGuid().ToString("N")[..6];
        var xml = TestBpmn.Process(id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="check"><bpmn:extensionElements><zeebe:taskDefinition type="check-documents" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="annotate"><bpmn:extensionElements><zeebe:taskDefinition type="annotate-documents" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:serviceTask id="tell">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="send-notification" />
                <zeebe:ioMapping>
                  <zeebe:input source="=&quot;document-annotations&quot;" target="template" />
                  <zeebe:input source="=applicant" target="to" />
                </zeebe:ioMapping>
              </bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:userTask id="revise" />
            <bpmn:endEvent id="e" />
            {Chain("s", "check", "annotate", "tell", "revise", "e")}
            """);
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = id + ".bpmn", xml })).EnsureSuccessStatusCode();
        var instance = await (await admin.PostAsJsonAsync("/api/process-instances", new { processId = id, businessKey = study.Id.ToString(), variables = new { applicant = study.ApplicantName, protocolNumber = "DOC-P" } }))
            .ReadAsync<JsonElement>();

        var variables = instance.GetProperty("variables");
        variables.GetProperty("checklistComplete").GetBoolean().ShouldBeFalse();
        var missing = variables.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()).ToList();
        missing.ShouldContain("Application form");
        missing.ShouldContain("Insurance certificate");
        missing.ShouldNotContain("Protocol");
        missing.ShouldNotContain("Informed consent form");
        variables.GetProperty("openAnnotations").GetInt32().ShouldBe(1, "the remark on version 1 is superseded and the ICF's is resolved");
        var open = variables.GetProperty("annotations").EnumerateArray().ShouldHaveSingleItem();
        open.GetProperty("document").GetString().ShouldBe("Protocol");
        open.GetProperty("version").GetInt32().ShouldBe(2);
        open.GetProperty("page").GetInt32().ShouldBe(3);
        open.GetProperty("text").GetString().ShouldBe("Add the stopping rules.");
        open.GetProperty("author").GetString().ShouldBe(secretaryName);
        var notice = await NotificationAsync(app, study.ApplicantName, "document-annotations");
        notice.Subject.ShouldContain("1 review remark(s)");
        notice.Body.ShouldContain("- Protocol, version 2, page 3: Add the stopping rules. (" + secretaryName + ")");
        notice.Body.ShouldNotContain("Old remark");
        string.Join(",", instance.GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString())).ShouldBe("revise");
    }

    [Fact]
    public async Task The_studio_page_shows_the_checklist_and_versions_to_the_project_and_nothing_to_others()
    {
        var study = await StudyAsync(app, TrialPhase.Device, ProjectType.SponsorInitiated);
        var version = await (await UploadAsync(study.Applicant, study.Id, "device-instructions", "IFU 说明书.pdf", Pdf("ifu"))).ReadAsync<VersionBody>();

        var page = await study.Applicant.GetStringAsync($"/projects/{study.Id}/documents");
        page.ShouldContain("data-testid=\"checklist-device-test-report\"");
        page.ShouldContain("Product registration test report");
        page.ShouldContain("IFU 说明书.pdf");
        page.ShouldContain($"api/documents/versions/{version.Id}/content?inline=true");
        page.ShouldContain("data-testid=\"upload-protocol\"", customMessage: "the applicant may upload while the project is a draft");

        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/projects/{study.Id}/documents");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var zh = await (await study.Applicant.SendAsync(chinese)).Content.ReadAsStringAsync();
        zh.ShouldContain("产品注册检验报告");
        zh.ShouldContain("材料清单");

        await MoveAsync(app, study.Id, ProjectStatus.Submitted);
        (await study.Applicant.GetStringAsync($"/projects/{study.Id}/documents")).ShouldNotContain("data-testid=\"upload-protocol\"");
        var outsider = await StudyAsync(app);
        var hidden = await outsider.Applicant.GetStringAsync($"/projects/{study.Id}/documents");
        hidden.ShouldContain("data-testid=\"documents-not-found\"");
        // Not "IFU" alone: case-insensitively it turns up in the page's random antiforgery and circuit tokens.
        hidden.ShouldNotContain("IFU 说明书.pdf");
        hidden.ShouldNotContain($"api/documents/versions/{version.Id}/");
    }
}
