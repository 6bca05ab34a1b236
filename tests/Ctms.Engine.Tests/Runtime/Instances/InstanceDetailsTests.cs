using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Instances;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Runtime.Instances;

/// <summary>What the instance viewer marks: tokens, the completed path and incidents, inside subprocesses too; and the list in memory.</summary>
public sealed class InstanceDetailsTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="visits" name="Visits" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:subProcess id="sub" name="Visit round">
              <bpmn:startEvent id="ss" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="ua" name="Book room" />
              <bpmn:userTask id="ub" name="Call participant">
                <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=participants" inputElement="participant" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
              </bpmn:userTask>
              <bpmn:parallelGateway id="join" />
              <bpmn:endEvent id="se" />
              <bpmn:sequenceFlow id="ss-fork" sourceRef="ss" targetRef="fork" />
              <bpmn:sequenceFlow id="fork-ua" sourceRef="fork" targetRef="ua" />
              <bpmn:sequenceFlow id="fork-ub" sourceRef="fork" targetRef="ub" />
              <bpmn:sequenceFlow id="ua-join" sourceRef="ua" targetRef="join" />
              <bpmn:sequenceFlow id="ub-join" sourceRef="ub" targetRef="join" />
              <bpmn:sequenceFlow id="join-se" sourceRef="join" targetRef="se" />
            </bpmn:subProcess>
            <bpmn:exclusiveGateway id="g" />
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="s-sub" sourceRef="s" targetRef="sub" />
            <bpmn:sequenceFlow id="sub-g" sourceRef="sub" targetRef="g" />
            <bpmn:sequenceFlow id="g-e" sourceRef="g" targetRef="e"><bpmn:conditionExpression>=approved</bpmn:conditionExpression></bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly InMemoryEngineStore _store = new();

    private BpmnEngine Engine() => new(_store, ScriptedActivities.Empty, new ManualClock(Start));

    [Fact]
    public async Task Tokens_inside_a_subprocess_are_counted_per_element_and_the_path_and_an_incident_are_marked_once_it_moves_on()
    {
        var engine = Engine();
        await engine.DeployAsync("visits.bpmn", Xml);
        var instance = await engine.StartAsync("visits", new Dictionary<string, object?> { ["participants"] = new List<object?> { "P1", "P2", "P3" } }, "V-1");

        var running = (await InstanceDetails.LoadAsync(_store, instance.Id, default))!;
        running.Instance.Status.ShouldBe("Active");
        running.Instance.BusinessKey.ShouldBe("V-1");
        running.ProcessName.ShouldBe("Visits");
        running.ElementNames["ub"].ShouldBe("Call participant");
        running.Diagram.ActiveTokens.ShouldBe(new Dictionary<string, int> { ["sub"] = 1, ["ua"] = 1, ["ub"] = 3 });
        running.Diagram.CompletedElements.ShouldBe(["fork", "s", "ss"]);
        running.Diagram.TakenFlows.ShouldBe(["fork-ua", "fork-ub", "s-sub", "ss-fork"]);
        running.OpenTasks.Count.ShouldBe(4);
        running.Variables["participants"]!.ToJsonString().ShouldBe("""["P1","P2","P3"]""");
        running.History.ShouldAllBe(h => h.Event != "variable");

        foreach (var task in running.OpenTasks)
        {
            await engine.CompleteTaskAsync(task.Id);
        }

        // The gateway's only condition reads a variable nobody set: an incident holds the token there.
        var held = (await InstanceDetails.LoadAsync(_store, instance.Id, default))!;
        held.Diagram.ActiveTokens.ShouldBe(new Dictionary<string, int> { ["g"] = 1 });
        held.Diagram.Incidents.ShouldHaveSingleItem().ElementId.ShouldBe("g");
        held.Instance.OpenIncidents.ShouldBe(1);
        held.Diagram.CompletedElements.ShouldBe(["fork", "join", "s", "se", "ss", "sub", "ua", "ub"]);
        held.Diagram.TakenFlows.ShouldContain("sub-g");
        held.Diagram.TakenFlows.ShouldContain("join-se");
        held.Diagram.TakenFlows.ShouldNotContain("g-e");
        held.OpenTasks.ShouldBeEmpty();

        var page = await _store.QueryInstancesAsync(new InstanceQuery { Status = InstanceStatusFilter.Incidents }, default);
        page.Items.ShouldHaveSingleItem().OpenIncidents.ShouldBe(1);
        (await InstanceDetails.LoadAsync(_store, Guid.NewGuid(), default)).ShouldBeNull();
    }

    [Fact]
    public async Task An_ended_instance_shows_its_whole_path_and_no_tokens_and_the_list_in_memory_answers_like_the_database()
    {
        var engine = Engine();
        await engine.DeployAsync("visits.bpmn", Xml);
        var ended = await engine.StartAsync("visits", new Dictionary<string, object?> { ["participants"] = new List<object?>(), ["approved"] = true });
        // Instance ids (version 7 GUIDs) order by time to the millisecond only; within one millisecond their order is random.
        await Task.Delay(5);
        var running = await engine.StartAsync("visits", new Dictionary<string, object?> { ["participants"] = new List<object?> { "P1" }, ["approved"] = true });
        foreach (var task in (await _store.TasksAsync(ended.Id, default)).ToList())
        {
            await engine.CompleteTaskAsync(task.Id);
        }

        var details = (await InstanceDetails.LoadAsync(_store, ended.Id, default))!;
        details.Instance.Status.ShouldBe("Completed");
        details.Diagram.ActiveTokens.ShouldBeEmpty();
        details.Diagram.CompletedElements.ShouldContain("e");
        details.Diagram.TakenFlows.ShouldContain("g-e");
        details.OpenTasks.ShouldBeEmpty();

        var all = await _store.QueryInstancesAsync(new InstanceQuery { ProcessId = "visits" }, default);
        all.Items.Select(i => i.Id).ShouldBe([running.Id, ended.Id]);
        (await _store.QueryInstancesAsync(new InstanceQuery { Status = InstanceStatusFilter.Completed }, default)).Items.ShouldHaveSingleItem().Id.ShouldBe(ended.Id);
        (await _store.QueryInstancesAsync(new InstanceQuery { Status = InstanceStatusFilter.Running }, default)).Items.ShouldHaveSingleItem().Id.ShouldBe(running.Id);
        await Should.ThrowAsync<EngineException>(() => _store.QueryInstancesAsync(new InstanceQuery { Limit = 0 }, default));
    }
}
