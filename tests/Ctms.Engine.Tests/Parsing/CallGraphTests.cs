using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Parsing;

public sealed class CallGraphTests
{
    private static string Calling(string id, string calls) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d-{id}" targetNamespace="t">
          <bpmn:process id="{id}" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:callActivity id="call-{calls}"><bpmn:extensionElements><zeebe:calledElement processId="{calls}" /></bpmn:extensionElements></bpmn:callActivity>
            <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="call-{calls}" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task A_process_that_calls_itself_is_refused_at_deploy()
    {
        var engine = new BpmnEngine(new InMemoryEngineStore(), ScriptedActivities.Empty, new ManualClock(Start));
        var problem = (await Should.ThrowAsync<BpmnValidationException>(() => engine.DeployAsync("self.bpmn", Calling("self", "self")))).Problems.ShouldHaveSingleItem();
        (problem.Code, problem.Location.ElementId).ShouldBe((ProblemCodes.InvalidCallActivity, "call-self"));
        problem.Message.ShouldContain("self -> self");
    }

    [Fact]
    public async Task A_cycle_across_files_is_refused_when_it_closes_and_a_chain_is_accepted()
    {
        var engine = new BpmnEngine(new InMemoryEngineStore(), ScriptedActivities.Empty, new ManualClock(Start));
        await engine.DeployAsync("a.bpmn", Calling("a", "b"));
        await engine.DeployAsync("b.bpmn", Calling("b", "c"));
        var problem = (await Should.ThrowAsync<BpmnValidationException>(() => engine.DeployAsync("c.bpmn", Calling("c", "a")))).Problems.ShouldHaveSingleItem();
        problem.Message.ShouldContain("c -> a -> b -> c");
        (await engine.DeployAsync("c.bpmn", Calling("c", "d"))).ShouldHaveSingleItem().ProcessId.ShouldBe("c");
    }
}
