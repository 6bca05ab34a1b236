using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Runtime;

/// <summary><c>camunda:asyncBefore</c>: the command commits before the activity, and a job runs it in a command of its own.</summary>
public sealed class AsyncContinuationTests
{
    private const string Camunda = "http://camunda.org/schema/1.0/bpmn";
    private readonly ManualClock _clock = new(Start);
    private readonly InMemoryEngineStore _store = new();
    private readonly Counting _activities = new();

    private sealed class Counting : IActivityRegistry
    {
        public List<Guid> Calls { get; } = [];

        public bool IsRegistered(string taskType) => true;

        public IActivityHandler? Find(string taskType) => new Handler(this);

        private sealed class Handler(Counting owner) : IActivityHandler
        {
            public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
            {
                owner.Calls.Add(context.InstanceId);
                return Task.FromResult(ActivityResult.Complete(new Dictionary<string, object?> { ["done"] = true }));
            }
        }
    }

    private BpmnEngine Engine() => new(_store, _activities, _clock);

    private static string Process(string task, string extra = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:camunda="{Camunda}" id="d" targetNamespace="http://ctms.test">
          <bpmn:process id="p" isExecutable="true">
            <bpmn:startEvent id="start" />
            {task}
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="work" />
            <bpmn:sequenceFlow id="f2" sourceRef="work" targetRef="end" />
            {extra}
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string AsyncService(string attributes = "camunda:asyncBefore=\"true\"", string loop = "") =>
        $"""<bpmn:serviceTask id="work" {attributes}><bpmn:extensionElements><zeebe:taskDefinition type="count" /></bpmn:extensionElements>{loop}</bpmn:serviceTask>""";

    [Fact]
    public async Task Start_commits_at_the_async_task_and_the_job_runs_the_activity_once()
    {
        var engine = Engine();
        await engine.DeployAsync("p.bpmn", Process(AsyncService()));

        var instance = await engine.StartAsync("p");

        _activities.Calls.ShouldBeEmpty("the activity runs in the job's command, not the starter's");
        var saved = (await _store.InstanceAsync(instance.Id, default))!;
        saved.Status.ShouldBe(InstanceStatus.Active);
        saved.Elements.Values.ShouldContain(e => e.ElementId == "work" && e.Status == ElementStatus.Active);
        var job = (await _store.DueJobsAsync(_clock.GetUtcNow(), 10, default)).ShouldHaveSingleItem();
        job.Kind.ShouldBe(JobKind.Continuation);
        job.DueAt.ShouldBe(_clock.GetUtcNow(), "a continuation is due at once");

        await engine.RunJobAsync(job);
        await engine.RunJobAsync(job);

        _activities.Calls.ShouldBe([instance.Id], "a job that ran already is not run again");
        var done = (await _store.InstanceAsync(instance.Id, default))!;
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Root.Variables["done"].ShouldBe(true);
        (await _store.NextJobDueAsync(default)).ShouldBeNull();
    }

    [Fact]
    public async Task A_boundary_timer_of_an_async_task_is_armed_before_the_continuation_and_cancels_it_when_it_fires_first()
    {
        var engine = Engine();
        await engine.DeployAsync("p.bpmn", Process(AsyncService(), """
            <bpmn:boundaryEvent id="late" attachedToRef="work"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="lateEnd" />
            <bpmn:sequenceFlow id="f3" sourceRef="late" targetRef="lateEnd" />
            """));
        var instance = await engine.StartAsync("p");
        var jobs = await _store.DueJobsAsync(Start.AddHours(2), 10, default);
        jobs.Select(j => j.Kind).Order().ShouldBe([JobKind.Timer, JobKind.Continuation]);

        _clock.Set(Start.AddHours(2));
        await engine.RunJobAsync(jobs.Single(j => j.Kind == JobKind.Timer));
        await engine.RunJobAsync(jobs.Single(j => j.Kind == JobKind.Continuation));

        _activities.Calls.ShouldBeEmpty("the timer cancelled the task before its continuation ran");
        (await _store.InstanceAsync(instance.Id, default))!.Status.ShouldBe(InstanceStatus.Completed);
        (await _store.HistoryAsync(instance.Id, default)).ShouldContain(h => h.ElementId == "lateEnd" && h.Event == "completed");
        (await _store.NextJobDueAsync(default)).ShouldBeNull("the continuation left with its task");
    }

    [Fact]
    public async Task Each_instance_of_an_async_multi_instance_task_is_a_job_of_its_own()
    {
        var engine = Engine();
        await engine.DeployAsync("p.bpmn", Process(AsyncService(loop:
            """<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2,3]" inputElement="item" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>""")));
        var instance = await engine.StartAsync("p");

        var jobs = await _store.DueJobsAsync(_clock.GetUtcNow(), 10, default);
        jobs.Count.ShouldBe(3);
        jobs.ShouldAllBe(j => j.Kind == JobKind.Continuation);
        (await engine.RunDueJobsAsync()).ShouldBe(3);

        _activities.Calls.Count.ShouldBe(3);
        (await _store.InstanceAsync(instance.Id, default))!.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task The_simulator_runs_continuations_so_a_script_sees_the_same_trace_as_without_them()
    {
        var result = await Simulator.RunAsync([("p.bpmn", Process(AsyncService()))], SimulationScript.Parse("""{"services": {"count": {"outputs": {"n": 1}}}}"""), Start);

        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "work:completed", "end:completed"]);
    }

    [Theory]
    [InlineData("""<bpmn:serviceTask id="work" camunda:asyncBefore="yes"><bpmn:extensionElements><zeebe:taskDefinition type="count" /></bpmn:extensionElements></bpmn:serviceTask>""", "ENGINE-0071", "work")]
    [InlineData("""<bpmn:exclusiveGateway id="work" camunda:asyncBefore="true" />""", "ENGINE-0010", "work")]
    public void AsyncBefore_with_a_bad_value_or_on_a_non_activity_is_refused_at_deploy(string element, string code, string elementId)
    {
        var error = Should.Throw<BpmnValidationException>(() => BpmnParser.Parse(Process(element)));

        error.Problems.ShouldContain(p => p.Code == code && p.Location.ElementId == elementId);
    }

    [Fact]
    public void AsyncBefore_false_is_the_default_synchronous_behaviour()
    {
        var model = BpmnParser.Parse(Process(AsyncService("camunda:asyncBefore=\"false\""))).Executable.Single();

        model.Node("work").AsyncBefore.ShouldBeFalse();
        BpmnParser.Parse(Process(AsyncService())).Executable.Single().Node("work").AsyncBefore.ShouldBeTrue();
    }
}
