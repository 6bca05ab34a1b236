using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Runtime;

/// <summary>An activity that creates what the process is about (a project) gives the instance its business key.</summary>
public sealed class BusinessKeyTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://ctms.test">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="create"><bpmn:extensionElements><zeebe:taskDefinition type="create" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="create" />
            <bpmn:sequenceFlow id="f2" sourceRef="create" targetRef="review" />
            <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly InMemoryEngineStore _store = new();

    private sealed class Keying(string key) : IActivityRegistry
    {
        public bool IsRegistered(string taskType) => true;

        public IActivityHandler? Find(string taskType) => new Handler(key);

        private sealed class Handler(string key) : IActivityHandler
        {
            public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
                Task.FromResult(ActivityResult.CompleteWithBusinessKey(key, new Dictionary<string, object?> { ["projectId"] = key }));
        }
    }

    private BpmnEngine Engine(string key) => new(_store, new Keying(key), new ManualClock(Start), new EngineOptions());

    [Fact]
    public async Task An_instance_started_without_a_key_takes_the_one_its_activity_names_and_its_later_tasks_carry_it()
    {
        var engine = Engine("project-42");
        await engine.DeployAsync("p.bpmn", Xml);
        var instance = await engine.StartAsync("p");

        (await _store.InstanceAsync(instance.Id, default))!.BusinessKey.ShouldBe("project-42");
        (await _store.TasksAsync(instance.Id, default)).ShouldHaveSingleItem().BusinessKey.ShouldBe("project-42");
        (await _store.IncidentsAsync(instance.Id, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_instance_with_another_key_is_not_rekeyed_it_raises_an_incident()
    {
        var engine = Engine("project-42");
        await engine.DeployAsync("p.bpmn", Xml);
        var instance = await engine.StartAsync("p", businessKey: "project-7");

        (await _store.InstanceAsync(instance.Id, default))!.BusinessKey.ShouldBe("project-7");
        (await _store.TasksAsync(instance.Id, default)).ShouldBeEmpty();
        (await _store.IncidentsAsync(instance.Id, default)).ShouldHaveSingleItem().Code.ShouldBe(IncidentCodes.BusinessKeyConflict);
    }
}
