using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>
/// BPMN signals, scoped to the business key: catch, interrupting and non-interrupting boundaries, throw and end
/// events, called children and multi-instance inner instances; in memory and persisted (SQLite, PostgreSQL).
/// </summary>
public abstract class SignalConformanceTests : ConformanceSuite, IAsyncLifetime
{
    private sealed class NoActivities : IActivityRegistry
    {
        public bool IsRegistered(string taskType) => false;

        public IActivityHandler? Find(string taskType) => null;
    }

    /// <summary>An engine over a fresh store of this suite's kind, with the fixtures deployed, for tests with several instances.</summary>
    private async Task<BpmnEngine> EngineAsync(params string[] fixtures)
    {
        var (stores, cleanup) = await StoresAsync();
        _cleanups.Add(cleanup);
        var engine = new BpmnEngine(stores, new NoActivities(), new ManualClock(Start));
        foreach (var fixture in fixtures)
        {
            await engine.DeployAsync(fixture + ".bpmn", Fixture(fixture));
        }
        return engine;
    }

    private readonly List<IAsyncDisposable> _cleanups = [];

    /// <summary>Drops the stores of the tests with several instances, then the suite's own.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var cleanup in _cleanups)
        {
            await cleanup.DisposeAsync();
        }
        await DisposeAsync();
    }

    private static async Task<List<string>> ActiveElementsAsync(BpmnEngine engine, Guid instanceId) =>
        [.. (await engine.Store.InstanceAsync(instanceId, default))!.Elements.Values
            .Where(e => e.Status == ElementStatus.Active && e.Kind is not ("process" or "multiInstanceBody")).Select(e => e.ElementId)];

    [Fact]
    public async Task SignalIntermediateCatch()
    {
        var result = await RunAsync("""
            {"businessKey": "P-1", "steps": [{"complete": "prepare"}, {"signal": "go", "variables": {"decision": "suspend"}}]}
            """, nameof(SignalIntermediateCatch));

        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "prepare:completed", "wait:completed", "end:completed"]);
        result.Variables["decision"]!.GetValue<string>().ShouldBe("suspend", "the signal's variables reach the catching instance");
    }

    [Fact]
    public async Task SignalIsNotBuffered()
    {
        var result = await RunAsync("""{"businessKey": "P-1", "steps": [{"signal": "go"}, {"complete": "prepare"}]}""", nameof(SignalIntermediateCatch));

        result.State.ShouldBe("active");
        result.Active.ShouldBe(["wait"], "a signal nobody waited for is gone");
    }

    [Fact]
    public async Task SignalWithAnotherKeyIsNotCaught()
    {
        var result = await RunAsync("""{"businessKey": "P-1", "steps": [{"complete": "prepare"}, {"signal": "go", "businessKey": "P-2"}]}""",
            nameof(SignalIntermediateCatch));

        result.Active.ShouldBe(["wait"]);
    }

    [Fact]
    public async Task SignalBoundaryInterruptsUserTask()
    {
        var (result, store) = await RunWithStoreAsync("""{"businessKey": "P-1", "steps": [{"signal": "project-terminated"}]}""",
            nameof(SignalBoundaryInterruptsUserTask));

        result.State.ShouldBe("completed");
        result.Steps().ShouldBe(["start:completed", "review:cancelled", "terminated:completed", "stopped:completed"]);
        (await store.TasksAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignalBoundaryInterruptsSubProcessWithCalledChild()
    {
        var (result, store) = await RunWithStoreAsync("""{"businessKey": "P-1", "steps": [{"signal": "project-terminated"}]}""",
            nameof(SignalBoundaryInterruptsSubProcessWithCalledChild), "CalledChildWaits");

        result.State.ShouldBe("completed");
        result.Steps().ShouldContain("childTask:cancelled");
        result.Steps().ShouldContain("own:cancelled");
        result.Steps().ShouldContain("call:cancelled");
        result.Steps()[^3..].ShouldBe(["sub:cancelled", "terminated:completed", "stopped:completed"]);
        result.Active.ShouldBeEmpty();
        (await store.TasksAsync(null, default)).ShouldBeEmpty("the subprocess's task and the called child's task are gone");
        var instances = (await store.HistoryAsync(null, default)).Select(h => h.InstanceId).Distinct().ToList();
        instances.Count.ShouldBe(2);
        foreach (var id in instances)
        {
            (await store.InstanceAsync(id, default))!.Status.ShouldBe(id == instances[0] ? InstanceStatus.Completed : InstanceStatus.Terminated);
        }
    }

    [Fact]
    public async Task SignalReachesCalledChild()
    {
        var (result, store) = await RunWithStoreAsync("""{"businessKey": "P-1", "steps": [{"signal": "project-suspended"}]}""",
            nameof(SignalReachesCalledChild), "SignalChildCatchesToo");

        result.Steps().ShouldContain("suspended:completed", "the caller's boundary on the call activity");
        result.Steps().ShouldContain("childSuspended:completed", "the called child shares its caller's business key");
        result.Active.ShouldBe(["call", "childTask"], ignoreOrder: true, "both boundaries are non-interrupting");
        (await store.TasksAsync(null, default)).ShouldHaveSingleItem().BusinessKey.ShouldBe("P-1");
    }

    [Fact]
    public async Task SignalNonInterruptingBoundaryFiresTwice()
    {
        var result = await RunAsync("""
            {"businessKey": "P-1", "steps": [{"signal": "project-suspended"}, {"signal": "project-suspended"}]}
            """, nameof(SignalNonInterruptingBoundaryFiresTwice));

        result.State.ShouldBe("active");
        result.Steps().Count(s => s == "suspended:completed").ShouldBe(2);
        result.Active.ShouldBe(["review", "acknowledge", "acknowledge"], ignoreOrder: true);
    }

    [Fact]
    public async Task SignalEndEventCancelsOtherBranch()
    {
        var (result, store) = await RunWithStoreAsync("""{"businessKey": "P-1", "steps": [{"complete": "decide"}]}""", nameof(SignalEndEventCancelsOtherBranch));

        result.State.ShouldBe("completed", "the end event's signal reached the thrower's own other branch");
        result.Steps().ShouldBe(["start:completed", "fork:completed", "decide:completed", "work:cancelled", "stopWork:completed", "withdraw:completed",
            "workStopped:completed"]);
        (await store.TasksAsync(null, default)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SignalCaughtByEachInnerInstance()
    {
        var result = await RunAsync("""
            {"businessKey": "M-1", "variables": {"members": ["ann", "bob", "cai"]}, "steps": [{"signal": "meeting-closed"}]}
            """, nameof(SignalCaughtByEachInnerInstance));

        result.State.ShouldBe("completed");
        result.Steps().Count(s => s == "closed:completed").ShouldBe(3);
        result.Variables["closedFor"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["ann", "bob", "cai"]);
    }

    [Fact]
    public async Task SignalThrownReachesInstancesWithTheSameBusinessKeyOnly()
    {
        var engine = await EngineAsync("SignalCatcher", "SignalThrower");
        var same = await engine.StartAsync("catcher", businessKey: "P-1");
        var sameToo = await engine.StartAsync("catcher", businessKey: "P-1");
        var other = await engine.StartAsync("catcher", businessKey: "P-2");
        var none = await engine.StartAsync("catcher");

        var thrower = await engine.StartAsync("thrower", new Dictionary<string, object?> { ["site"] = "S1" }, "P-1");

        foreach (var id in new[] { same.Id, sameToo.Id })
        {
            var reached = (await engine.Store.InstanceAsync(id, default))!;
            reached.Status.ShouldBe(InstanceStatus.Completed);
            reached.Root.Variables["reason"].ShouldBe("site S1 is ready", "the throw event's input mappings are the signal's variables");
        }
        (await ActiveElementsAsync(engine, other.Id)).ShouldBe(["wait"]);
        (await ActiveElementsAsync(engine, none.Id)).ShouldBe(["wait"]);
        (await ActiveElementsAsync(engine, thrower.Id)).ShouldBe(["after"], "the thrower goes on after broadcasting");
        var thrown = (await engine.Store.HistoryAsync(thrower.Id, default)).Single(h => h.Event == HistoryEvents.SignalThrown);
        thrown.Detail.ShouldBe("""{"signal":"ready","reached":2}""");
    }

    [Fact]
    public async Task SignalBroadcastWithoutKeyReachesInstancesWithoutKey()
    {
        var engine = await EngineAsync("SignalCatcher");
        var keyed = await engine.StartAsync("catcher", businessKey: "P-1");
        var unkeyed = await engine.StartAsync("catcher");

        (await engine.BroadcastSignalAsync("ready", null)).ShouldBe(1);

        (await engine.Store.InstanceAsync(unkeyed.Id, default))!.Status.ShouldBe(InstanceStatus.Completed);
        (await ActiveElementsAsync(engine, keyed.Id)).ShouldBe(["wait"]);
    }

    [Fact]
    public async Task SignalBroadcastWithNothingWaitingChangesNothing()
    {
        var engine = await EngineAsync("SignalCatcher");
        var waiting = await engine.StartAsync("catcher", businessKey: "P-1");
        var history = (await engine.Store.HistoryAsync(null, default)).Count;

        (await engine.BroadcastSignalAsync("ready", "P-9")).ShouldBe(0);
        (await engine.BroadcastSignalAsync("unheard-of", "P-1")).ShouldBe(0);

        (await engine.Store.HistoryAsync(null, default)).Count.ShouldBe(history);
        (await ActiveElementsAsync(engine, waiting.Id)).ShouldBe(["wait"]);
        (await engine.BroadcastSignalAsync("ready", "P-1")).ShouldBe(1, "the subscription is still there for a later broadcast");
    }

    [Fact]
    public async Task SignalNamesAreChecked()
    {
        var engine = await EngineAsync();
        (await Should.ThrowAsync<EngineException>(() => engine.BroadcastSignalAsync(" ", "P-1"))).Code.ShouldBe(EngineException.Invalid);
        (await Should.ThrowAsync<EngineException>(() => engine.CorrelateAsync("signal:ready", "P-1"))).Code.ShouldBe(EngineException.Invalid);
    }
}

public sealed class SignalConformanceTests_InMemory : SignalConformanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync()
    {
        var store = new InMemoryEngineStore();
        return Task.FromResult<(Func<IEngineStore>, IAsyncDisposable)>((() => store, new NoCleanup()));
    }
}

public sealed class SignalConformanceTests_Sqlite : SignalConformanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.SqliteAsync();
}

public sealed class SignalConformanceTests_Postgres : SignalConformanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => Persistence.TestDatabases.PostgresAsync();
}
