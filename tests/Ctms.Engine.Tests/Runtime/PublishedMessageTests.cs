using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Runtime;

/// <summary>
/// An activity publishes a message as it completes: in the same command it starts the process that begins with it
/// (the key becoming the business key) and reaches the instance waiting for it; with nothing to take it, it is buffered.
/// </summary>
public sealed class PublishedMessageTests
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://ctms.test">
          <bpmn:message id="m-granted" name="granted" />
          <bpmn:message id="m-notice" name="notice"><bpmn:extensionElements><zeebe:subscription correlationKey="=projectId" /></bpmn:extensionElements></bpmn:message>
          <bpmn:process id="decide" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="publish"><bpmn:extensionElements><zeebe:taskDefinition type="publish" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="publish" />
            <bpmn:sequenceFlow id="f2" sourceRef="publish" targetRef="end" />
          </bpmn:process>
          <bpmn:process id="follow-up" isExecutable="true">
            <bpmn:startEvent id="granted-start"><bpmn:messageEventDefinition messageRef="m-granted" /></bpmn:startEvent>
            <bpmn:userTask id="report" />
            <bpmn:endEvent id="follow-up-end" />
            <bpmn:sequenceFlow id="g1" sourceRef="granted-start" targetRef="report" />
            <bpmn:sequenceFlow id="g2" sourceRef="report" targetRef="follow-up-end" />
          </bpmn:process>
          <bpmn:process id="waiter" isExecutable="true">
            <bpmn:startEvent id="w-start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m-notice" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="w-end" />
            <bpmn:sequenceFlow id="w1" sourceRef="w-start" targetRef="wait" />
            <bpmn:sequenceFlow id="w2" sourceRef="wait" targetRef="w-end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private readonly InMemoryEngineStore _store = new();

    private sealed class Publishing(params PublishedMessage[] messages) : IActivityRegistry
    {
        public bool IsRegistered(string taskType) => true;

        public IActivityHandler? Find(string taskType) => new Handler(messages);

        private sealed class Handler(PublishedMessage[] messages) : IActivityHandler
        {
            public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) =>
                Task.FromResult(ActivityResult.CompleteAndPublish(new Dictionary<string, object?> { ["published"] = true }, messages));
        }
    }

    private BpmnEngine Engine(params PublishedMessage[] messages) =>
        new(_store, new Publishing(messages), new ManualClock(Start), new EngineOptions { DefaultMessageTimeToLive = TimeSpan.FromHours(1) });

    [Fact]
    public async Task A_published_message_starts_the_process_that_begins_with_it_and_reaches_the_waiting_instance_in_the_same_command()
    {
        var engine = Engine(
            new PublishedMessage("granted", "project-42", new Dictionary<string, object?> { ["dueAt"] = "2027-11-27T00:00:00Z" }),
            new PublishedMessage("notice", "project-42", new Dictionary<string, object?> { ["note"] = "decided" }));
        await engine.DeployAsync("d.bpmn", Xml);
        var waiter = await engine.StartAsync("waiter", new Dictionary<string, object?> { ["projectId"] = "project-42" });

        var decide = await engine.StartAsync("decide");

        (await _store.InstanceAsync(decide.Id, default))!.Status.ShouldBe(Ctms.Engine.Runtime.State.InstanceStatus.Completed);
        var woken = (await _store.InstanceAsync(waiter.Id, default))!;
        woken.Status.ShouldBe(Ctms.Engine.Runtime.State.InstanceStatus.Completed);
        woken.Elements[woken.RootId].Variables["note"].ShouldBe("decided");
        var report = (await _store.TasksAsync(null, default)).ShouldHaveSingleItem();
        report.ElementId.ShouldBe("report");
        report.BusinessKey.ShouldBe("project-42");
        var started = (await _store.InstanceAsync(report.InstanceId, default))!;
        started.ProcessId.ShouldBe("follow-up");
        started.Elements[started.RootId].Variables["dueAt"].ShouldBe("2027-11-27T00:00:00Z");
    }

    [Fact]
    public async Task A_published_message_nothing_takes_is_buffered_and_reaches_the_instance_that_waits_for_it_later()
    {
        var engine = Engine(new PublishedMessage("notice", "project-7", new Dictionary<string, object?> { ["note"] = "early" }));
        await engine.DeployAsync("d.bpmn", Xml);
        await engine.StartAsync("decide");

        var waiter = await engine.StartAsync("waiter", new Dictionary<string, object?> { ["projectId"] = "project-7" });

        var woken = (await _store.InstanceAsync(waiter.Id, default))!;
        woken.Status.ShouldBe(Ctms.Engine.Runtime.State.InstanceStatus.Completed);
        woken.Elements[woken.RootId].Variables["note"].ShouldBe("early");
    }
}
