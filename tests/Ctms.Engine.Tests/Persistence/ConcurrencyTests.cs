using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Persistence;

/// <summary>Optimistic concurrency on the process instance: of two commands on one instance, the later save loses.</summary>
public abstract class ConcurrencyTests
{
    protected abstract Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync();

    [Fact]
    public async Task Two_commands_completing_tasks_of_one_instance_at_once_cannot_both_save()
    {
        var (stores, cleanup) = await StoresAsync();
        await using var _ = cleanup;
        var clock = new ManualClock(Start);
        var setup = new BpmnEngine(stores, ScriptedActivities.Empty, clock);
        await setup.DeployAsync("p.bpmn", Fixture("ParallelThreeBranches"));
        var instance = await setup.StartAsync("p");
        var tasks = await stores().TasksAsync(instance.Id, default);

        // Two engines, each with its own store (its own unit of work), both read the instance before either saves.
        var storeA = stores();
        var storeB = stores();
        await storeA.InstanceAsync(instance.Id, default);
        await storeB.InstanceAsync(instance.Id, default);
        var first = new BpmnEngine(storeA, ScriptedActivities.Empty, clock);
        var second = new BpmnEngine(storeB, ScriptedActivities.Empty, clock);

        await first.CompleteTaskAsync(tasks.Single(t => t.ElementId == "a").Id);
        var lost = await Should.ThrowAsync<EngineException>(() => second.CompleteTaskAsync(tasks.Single(t => t.ElementId == "b").Id));
        lost.Code.ShouldBe(EngineException.Conflict);

        // Run again on fresh state, the loser's command succeeds.
        await new BpmnEngine(stores, ScriptedActivities.Empty, clock).CompleteTaskAsync(tasks.Single(t => t.ElementId == "b").Id);
        (await stores().TasksAsync(instance.Id, default)).Select(t => t.ElementId).ShouldBe(["c"]);
        (await stores().InstanceAsync(instance.Id, default))!.Status.ShouldBe(InstanceStatus.Active);
    }
}

public sealed class ConcurrencyTests_Sqlite : ConcurrencyTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => TestDatabases.SqliteAsync();
}

public sealed class ConcurrencyTests_Postgres : ConcurrencyTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => TestDatabases.PostgresAsync();
}
