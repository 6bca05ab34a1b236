using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Api.Simulation;

namespace Ctms.Api.Tests.Simulation;

public sealed class SimulationTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    private const string Review = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="score"><bpmn:extensionElements><zeebe:taskDefinition type="score-application" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="approve" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="score" />
            <bpmn:sequenceFlow id="f2" sourceRef="score" targetRef="approve" />
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Script = """{"services": {"score-application": {"outputs": {"score": 8}}}, "steps": [{"complete": "approve", "variables": {"ok": true}}]}""";

    [Fact]
    public async Task The_simulate_verb_prints_only_the_result_as_JSON_on_stdout()
    {
        var folder = Directory.CreateTempSubdirectory("ctms-sim").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "review.bpmn"), Review);
        await File.WriteAllTextAsync(Path.Combine(folder, "script.json"), Script);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SimulateVerb.RunAsync(["simulate", Path.Combine(folder, "review.bpmn"), "--script", Path.Combine(folder, "script.json")], stdout, stderr);

        exit.ShouldBe(0, stderr.ToString());
        var result = JsonDocument.Parse(stdout.ToString()).RootElement;
        result.GetProperty("state").GetString().ShouldBe("completed");
        result.GetProperty("trace").EnumerateArray().Select(t => t.GetProperty("activity").GetString()).ShouldBe(["start", "score", "approve", "end"]);
        result.GetProperty("variables").GetProperty("score").GetDecimal().ShouldBe(8m);
        result.GetProperty("variables").GetProperty("ok").GetBoolean().ShouldBeTrue();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_simulate_verb_fails_clearly_on_an_invalid_definition_and_on_a_step_that_does_not_apply()
    {
        var folder = Directory.CreateTempSubdirectory("ctms-sim").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.bpmn"), Review.Replace("targetRef=\"end\"", "targetRef=\"nowhere\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder, "good.bpmn"), Review);
        await File.WriteAllTextAsync(Path.Combine(folder, "wrong.json"), """{"steps": [{"complete": "sign"}]}""");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        (await SimulateVerb.RunAsync(["simulate", Path.Combine(folder, "bad.bpmn")], stdout, stderr)).ShouldBe(2);
        stderr.ToString().ShouldContain("'f3'");
        stderr.ToString().ShouldContain("nowhere");
        (await SimulateVerb.RunAsync(["simulate", Path.Combine(folder, "good.bpmn"), "--script", Path.Combine(folder, "wrong.json")], stdout, stderr)).ShouldBe(3);
        stderr.ToString().ShouldContain("no active user task 'sign'");
        stdout.ToString().ShouldBeEmpty();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task POST_simulations_returns_the_trace_and_a_bad_definition_is_a_400_naming_the_element()
    {
        using var admin = await app.AdminAsync();
        var ok = await admin.PostAsync("/api/simulations", JsonContent.Create(new { files = new[] { new { name = "review.bpmn", xml = Review } }, script = JsonDocument.Parse(Script).RootElement }));
        var result = await ok.ReadAsync<JsonElement>();
        result.GetProperty("state").GetString().ShouldBe("completed");

        var bad = await admin.PostAsJsonAsync("/api/simulations", new { files = new[] { new { name = "bad.bpmn", xml = Review.Replace("<bpmn:userTask id=\"approve\" />", "<bpmn:scriptTask id=\"approve\" />", StringComparison.Ordinal) } } });
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var first = problem.GetProperty("problems")[0];
        first.GetProperty("elementId").GetString().ShouldBe("approve");
        first.GetProperty("elementType").GetString().ShouldBe("scriptTask");
        first.GetProperty("line").GetInt32().ShouldBeGreaterThan(0);

        await (await admin.PostAsJsonAsync("/api/simulations", new { files = Array.Empty<object>() })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
