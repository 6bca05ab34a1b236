using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ctms.Api.Tests.Processes;

/// <summary>Definitions and forms deployed at start-up from a folder, and forms through the API.</summary>
public sealed class DeploymentTests
{
    private const string Form = """{"id": "consent-form", "type": "default", "components": [{"key": "signed", "type": "checkbox", "label": "Signed"}]}""";

    private const string Definition = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="consent" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="sign"><bpmn:extensionElements><zeebe:formDefinition formId="consent-form" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="sign" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_folder_of_definitions_and_forms_is_deployed_at_start_up_and_a_broken_file_is_skipped()
    {
        var folder = Directory.CreateTempSubdirectory("ctms-defs").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "forms"));
        await File.WriteAllTextAsync(Path.Combine(folder, "consent.bpmn"), Definition);
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.bpmn"), "<not-bpmn/>");
        await File.WriteAllTextAsync(Path.Combine(folder, "forms", "consent.form"), Form);
        await using var app = new SqliteAppFactory();
        app.Settings["Engine:DefinitionsPath"] = folder;
        await app.InitializeAsync();

        using var admin = await app.AdminAsync();
        var definitions = await (await admin.GetAsync("/api/process-definitions")).ReadAsync<List<JsonElement>>();
        definitions.ShouldHaveSingleItem().GetProperty("processId").GetString().ShouldBe("consent");
        var form = await (await admin.GetAsync("/api/forms/consent-form")).ReadAsync<JsonElement>();
        form.GetProperty("components")[0].GetProperty("key").GetString().ShouldBe("signed");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_form_is_versioned_by_content_and_a_bad_one_is_refused()
    {
        await using var app = new SqliteAppFactory();
        await app.InitializeAsync();
        using var admin = await app.AdminAsync();
        (await (await admin.PostAsJsonAsync("/api/forms", new { name = "c.form", json = Form })).ReadAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(1);
        (await (await admin.PostAsJsonAsync("/api/forms", new { name = "c.form", json = Form })).ReadAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(1);
        var changed = Form.Replace("Signed", "Signed by the subject", StringComparison.Ordinal);
        (await (await admin.PostAsJsonAsync("/api/forms", new { name = "c.form", json = changed })).ReadAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(2);
        (await admin.GetStringAsync("/api/forms/consent-form/versions/1")).ShouldContain("\"Signed\"");
        (await admin.GetStringAsync("/api/forms/consent-form")).ShouldContain("Signed by the subject");

        var bad = await (await admin.PostAsJsonAsync("/api/forms", new { name = "x.form", json = "{\"components\": 3}" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad.GetProperty("problems")[0].GetProperty("code").GetString().ShouldBe("ENGINE-0080");
        await (await admin.GetAsync("/api/forms/nothing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var (crc, _) = await app.UserAsync("crc");
        await (await crc.PostAsJsonAsync("/api/forms", new { name = "c.form", json = Form })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
