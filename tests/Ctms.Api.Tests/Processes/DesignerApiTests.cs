using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Engine;
using Ctms.Api.Processes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Tests.Processes;

/// <summary>What the process designer asks of the host: validation without deploying, the list with running instances, the export.</summary>
public abstract class DesignerApiTests(CtmsAppFactory app)
{
    private static string Bpmn(string id, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:process id="{id}" name="Process {id}" isExecutable="true">
        {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string WaitsForReview(string label = "Review") => $"""
        <bpmn:startEvent id="s" />
        <bpmn:userTask id="review" name="{label}" />
        <bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="e" />
        """;

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static async Task<JsonElement> ValidateAsync(HttpClient client, string? xml)
    {
        var response = await client.PostAsJsonAsync("/api/process-definitions/validate", new { xml });
        return await response.ReadAsync<JsonElement>();
    }

    [Fact]
    public async Task Validation_answers_the_problems_with_their_elements_and_never_fails_on_garbage()
    {
        var (secretary, _) = await app.UserAsync("cti-secretary");

        var good = await ValidateAsync(secretary, Bpmn(NewId("good"), WaitsForReview()));
        good.GetProperty("valid").GetBoolean().ShouldBeTrue();
        good.GetProperty("problems").GetArrayLength().ShouldBe(0);

        var complex = await ValidateAsync(secretary, Bpmn(NewId("complex"), """
            <bpmn:startEvent id="s" />
            <bpmn:complexGateway id="decide" />
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="decide" />
            <bpmn:sequenceFlow id="f2" sourceRef="decide" targetRef="e" />
            """));
        complex.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var problem = complex.GetProperty("problems").EnumerateArray().First(p => p.GetProperty("code").GetString() == "ENGINE-0010");
        problem.GetProperty("elementId").GetString().ShouldBe("decide");
        problem.GetProperty("elementType").GetString().ShouldBe("complexGateway");
        problem.GetProperty("line").GetInt32().ShouldBe(5);

        var unknownType = await ValidateAsync(secretary, Bpmn(NewId("svc"), """
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="no-such-activity" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="notify" />
            """));
        unknownType.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("elementId").GetString() == "notify");

        foreach (var garbage in new[] { "<bpmn:definitions", "not xml at all", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>", "<other/>" })
        {
            var answer = await ValidateAsync(secretary, garbage);
            answer.GetProperty("valid").GetBoolean().ShouldBeFalse(garbage);
            answer.GetProperty("problems").GetArrayLength().ShouldBeGreaterThan(0, garbage);
        }
        await (await secretary.PostAsJsonAsync("/api/process-definitions/validate", new { xml = (string?)null })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await secretary.PostAsync("/api/process-definitions/validate", new StringContent("{", System.Text.Encoding.UTF8, "application/json")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_list_counts_the_running_instances_of_each_version()
    {
        using var admin = await app.AdminAsync();
        var id = NewId("counted");
        await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "counted.bpmn", xml = Bpmn(id, WaitsForReview()) })).ReadAsync<JsonElement>();
        await (await admin.PostAsJsonAsync("/api/process-instances", new { processId = id })).ReadAsync<JsonElement>();
        await (await admin.PostAsJsonAsync("/api/process-instances", new { processId = id })).ReadAsync<JsonElement>();
        await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "counted.bpmn", xml = Bpmn(id, WaitsForReview("Second review")) })).ReadAsync<JsonElement>();
        await (await admin.PostAsJsonAsync("/api/process-instances", new { processId = id })).ReadAsync<JsonElement>();
        // An instance that ended does not count.
        var quick = NewId("quick");
        var quickXml = Bpmn(quick, """<bpmn:startEvent id="s" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />""");
        await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "quick.bpmn", xml = quickXml })).ReadAsync<JsonElement>();
        (await (await admin.PostAsJsonAsync("/api/process-instances", new { processId = quick })).ReadAsync<JsonElement>())
            .GetProperty("status").GetString().ShouldBe("Completed");

        var list = await (await admin.GetAsync("/api/process-definitions")).ReadAsync<List<JsonElement>>();
        list.Single(d => d.GetProperty("processId").GetString() == quick).GetProperty("runningInstances").GetInt32().ShouldBe(0);
        var process = list.Single(d => d.GetProperty("processId").GetString() == id);
        process.GetProperty("latestVersion").GetInt32().ShouldBe(2);
        process.GetProperty("runningInstances").GetInt32().ShouldBe(3);
        var versions = process.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("version").GetInt32()).ShouldBe([2, 1]);
        versions[0].GetProperty("runningInstances").GetInt32().ShouldBe(1);
        versions[1].GetProperty("runningInstances").GetInt32().ShouldBe(2);
        var one = await (await admin.GetAsync($"/api/process-definitions/{id}")).ReadAsync<JsonElement>();
        one.GetProperty("runningInstances").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task The_export_writes_the_latest_versions_that_deploy_again_without_a_new_version()
    {
        using var admin = await app.AdminAsync();
        var a = NewId("export-a");
        var b = NewId("export-b");
        var formId = NewId("export-form");
        await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = $"{a}.bpmn", xml = Bpmn(a, WaitsForReview()) })).ReadAsync<JsonElement>();
        await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = $"{a}.bpmn", xml = Bpmn(a, WaitsForReview("Changed")) })).ReadAsync<JsonElement>();
        // A hostile resource name must not leave the folder.
        await (await admin.PostAsJsonAsync("/api/process-definitions", new { name = "../../evil name?.bpmn", xml = Bpmn(b, WaitsForReview()) })).ReadAsync<JsonElement>();
        var form = $$"""{"id": "{{formId}}", "type": "default", "components": [{"key": "ok", "type": "checkbox", "label": "OK"}]}""";
        await (await admin.PostAsJsonAsync("/api/forms", new { name = "f.form", json = form })).ReadAsync<JsonElement>();

        var (crc, _) = await app.UserAsync("crc");
        await (await crc.GetAsync("/api/process-definitions/export")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var response = await admin.GetAsync("/api/process-definitions/export");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.ShouldContain($"{a}.bpmn");
        names.ShouldContain("evil-name.bpmn");
        names.ShouldContain($"forms/{formId}.form");
        names.ShouldAllBe(n => !n.Contains("..", StringComparison.Ordinal) && !n.StartsWith('/'));
        using (var reader = new StreamReader(zip.GetEntry($"{a}.bpmn")!.Open()))
        {
            (await reader.ReadToEndAsync()).ShouldContain("Changed", customMessage: "the latest version is exported");
        }

        // The verb's path: write the files, then deploy the folder as the host does at start-up.
        var folder = Directory.CreateTempSubdirectory("ctms-export").FullName;
        try
        {
            var before = await (await admin.GetAsync("/api/process-definitions")).ReadAsync<List<JsonElement>>();
            await using (var scope = app.Scope())
            {
                var written = await ActivatorUtilities.CreateInstance<DefinitionsExport>(scope.ServiceProvider).WriteAsync(folder, CancellationToken.None);
                written.ShouldBe(names.Count);
            }
            File.Exists(Path.Combine(folder, "forms", formId + ".form")).ShouldBeTrue();
            var deployer = ActivatorUtilities.CreateInstance<ProcessDefinitionsDeployer>(app.Services,
                Options.Create(new EngineHostOptions { DefinitionsPath = folder }));
            (await deployer.DeployAllAsync(CancellationToken.None)).ShouldBeGreaterThan(0);

            var after = await (await admin.GetAsync("/api/process-definitions")).ReadAsync<List<JsonElement>>();
            after.Select(d => (d.GetProperty("processId").GetString(), d.GetProperty("latestVersion").GetInt32()))
                .ShouldBe(before.Select(d => (d.GetProperty("processId").GetString(), d.GetProperty("latestVersion").GetInt32())));
            after.Single(d => d.GetProperty("processId").GetString() == a).GetProperty("latestVersion").GetInt32().ShouldBe(2);
            (await (await admin.GetAsync($"/api/forms/{formId}")).Content.ReadAsStringAsync()).ShouldContain("\"ok\"");
            var formVersion = await (await admin.PostAsJsonAsync("/api/forms", new { name = "f.form", json = await File.ReadAllTextAsync(Path.Combine(folder, "forms", formId + ".form")) })).ReadAsync<JsonElement>();
            formVersion.GetProperty("version").GetInt32().ShouldBe(1, "the exported form is the deployed one, byte for byte");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class DesignerApiTests_Sqlite(SqliteAppFactory app) : DesignerApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class DesignerApiTests_Postgres(PostgresAppFactory app) : DesignerApiTests(app), IClassFixture<PostgresAppFactory>;

/// <summary>Export file names: no folders, nothing a file system could misread.</summary>
public sealed class ExportFileNameTests
{
    [Theory]
    [InlineData("consent.bpmn", ".bpmn", "consent.bpmn")]
    [InlineData("../../etc/passwd", ".bpmn", "passwd.bpmn")]
    [InlineData("C:\\sops\\Ethics review (v2).bpmn", ".bpmn", "Ethics-review--v2.bpmn")]
    [InlineData("...", ".form", "fallback.form")]
    public void File_names_are_sanitised(string raw, string extension, string expected) =>
        DefinitionsExport.FileName(raw, extension, "fallback").ShouldBe(expected);
}
