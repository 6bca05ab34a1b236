using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Runtime;

/// <summary>The engine's commands outside simulation: deploy and versions, retries and incidents, message rules.</summary>
public sealed class BpmnEngineTests
{
    private readonly ManualClock _clock = new(Start);
    private readonly InMemoryEngineStore _store = new();

    private sealed class Flaky(int failures) : IActivityRegistry
    {
        public int Calls { get; private set; }

        public int Failures { get; } = failures;

        public bool IsRegistered(string taskType) => true;

        public IActivityHandler? Find(string taskType) => new Handler(this);

        private sealed class Handler(Flaky owner) : IActivityHandler
        {
            public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
            {
                owner.Calls++;
                return owner.Calls <= owner.Failures
                    ? throw new InvalidOperationException($"the hospital system is down (call {owner.Calls})")
                    : Task.FromResult(ActivityResult.Complete(new Dictionary<string, object?> { ["result"] = 1m }));
            }
        }
    }

    private BpmnEngine Engine(IActivityRegistry? activities = null) =>
        new(_store, activities ?? ScriptedActivities.Empty, _clock, new EngineOptions { RetryBackoff = TimeSpan.FromSeconds(30) });

    [Fact]
    public async Task Deploying_unchanged_XML_keeps_the_version_and_a_change_makes_a_new_one_while_instances_stay_pinned()
    {
        var engine = Engine();
        var xml = Fixture("UserTaskWaits");
        (await engine.DeployAsync("a.bpmn", xml)).Single().Version.ShouldBe(1);
        (await engine.DeployAsync("a.bpmn", xml)).Single().Version.ShouldBe(1);
        var old = await engine.StartAsync("p");

        (await engine.DeployAsync("a.bpmn", xml.Replace("id=\"review\"", "id=\"review2\"", StringComparison.Ordinal).Replace("\"review\"", "\"review2\"", StringComparison.Ordinal)))
            .Single().Version.ShouldBe(2);
        var fresh = await engine.StartAsync("p");

        (await _store.InstanceAsync(old.Id, default))!.DefinitionVersion.ShouldBe(1);
        (await _store.InstanceAsync(fresh.Id, default))!.DefinitionVersion.ShouldBe(2);
        var tasks = await _store.TasksAsync(null, default);
        tasks.Single(t => t.InstanceId == old.Id).ElementId.ShouldBe("review");
        tasks.Single(t => t.InstanceId == fresh.Id).ElementId.ShouldBe("review2");
        (await _store.DefinitionsAsync(default)).Select(d => d.Xml).Distinct().Count().ShouldBe(2, "the XML of every version is kept");
    }

    [Fact]
    public async Task A_failing_activity_is_retried_after_the_backoff_then_raises_an_incident_that_a_retry_resolves()
    {
        var flaky = new Flaky(failures: 3);
        var engine = Engine(flaky);
        await engine.DeployAsync("s.bpmn", Fixture("ServiceTaskOutputs"));
        var instance = await engine.StartAsync("p");
        flaky.Calls.ShouldBe(1);

        (await engine.RunDueJobsAsync()).ShouldBe(0, "the retry waits for its backoff");
        _clock.Advance(TimeSpan.FromSeconds(30));
        (await engine.RunDueJobsAsync()).ShouldBe(1);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await engine.RunDueJobsAsync();
        flaky.Calls.ShouldBe(3, "three attempts: the task's default retries");

        var incident = (await _store.IncidentsAsync(instance.Id, default)).ShouldHaveSingleItem();
        (incident.ElementId, incident.Code).ShouldBe(("work", "ENGINE-0104"));
        incident.Message.ShouldContain("hospital system is down");

        await engine.RetryIncidentAsync(incident.Id);
        flaky.Calls.ShouldBe(4);
        (await _store.IncidentsAsync(instance.Id, default)).ShouldBeEmpty();
        (await _store.InstanceAsync(instance.Id, default))!.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_message_id_seen_before_is_dropped_and_a_buffered_message_expires_with_its_time_to_live()
    {
        var engine = Engine();
        await engine.DeployAsync("m.bpmn", Fixture("MessageBeforeSubscriptionIsBuffered"));

        var first = await engine.CorrelateAsync("lab-result", "K1", null, messageId: "evt-1", timeToLive: TimeSpan.FromMinutes(10));
        first.Buffered.ShouldBeTrue();
        (await engine.CorrelateAsync("lab-result", "K1", null, messageId: "evt-1")).Duplicate.ShouldBeTrue();

        var late = await engine.StartAsync("p", new Dictionary<string, object?> { ["orderId"] = "K2" });
        await engine.CorrelateAsync("lab-result", "K2", null, timeToLive: TimeSpan.FromMinutes(10));
        _clock.Advance(TimeSpan.FromMinutes(11));
        await engine.CompleteTaskAsync((await _store.TasksAsync(late.Id, default)).Single().Id);
        (await _store.InstanceAsync(late.Id, default))!.Status.ShouldBe(InstanceStatus.Active, "the message expired before the process waited for it");

        var timely = await engine.StartAsync("p", new Dictionary<string, object?> { ["orderId"] = "K3" });
        await engine.CorrelateAsync("lab-result", "K3", null, timeToLive: TimeSpan.FromMinutes(10));
        await engine.CompleteTaskAsync((await _store.TasksAsync(timely.Id, default)).Single().Id);
        (await _store.InstanceAsync(timely.Id, default))!.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task Completing_an_unknown_task_and_starting_an_unknown_process_are_refused_with_codes()
    {
        var engine = Engine();
        (await Should.ThrowAsync<EngineException>(() => engine.CompleteTaskAsync(Guid.NewGuid()))).Code.ShouldBe(EngineException.NotFound);
        (await Should.ThrowAsync<EngineException>(() => engine.StartAsync("nope"))).Code.ShouldBe(EngineException.NotFound);
    }

    [Fact]
    public async Task History_records_each_element_start_and_end_with_the_user_who_completed_a_task()
    {
        var engine = Engine();
        await engine.DeployAsync("u.bpmn", Fixture("UserTaskWaits"));
        var instance = await engine.StartAsync("p", new Dictionary<string, object?> { ["subject"] = "S-001" });
        await engine.CompleteTaskAsync((await _store.TasksAsync(instance.Id, default)).Single().Id,
            new Dictionary<string, object?> { ["decision"] = "approve", ["visitDate"] = new DateOnly(2026, 3, 4) }, "nurse.li");
        var history = await _store.HistoryAsync(instance.Id, default);
        history.Where(h => h.ElementId == "review").Select(h => h.Event).ShouldBe(["started", "completed"]);
        history.Single(h => h.ElementId == "review" && h.Event == "completed").UserId.ShouldBe("nurse.li");
        history[0].ElementType.ShouldBe("process");

        // Variable changes: the start variables by nobody, the form's by the nurse who completed the task, typed values kept.
        var variables = history.Where(h => h.Event == HistoryEvents.Variable).ToList();
        variables.Select(v => (v.Detail, v.UserId)).ShouldBe(
        [
            ("""{"name":"subject","value":"S-001"}""", null),
            ("""{"name":"decision","value":"approve"}""", "nurse.li"),
            ("""{"name":"visitDate","value":{"$feel":"date","v":"2026-03-04"}}""", "nurse.li"),
        ]);
    }
}
