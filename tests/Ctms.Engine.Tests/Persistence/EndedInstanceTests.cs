using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;
using Microsoft.EntityFrameworkCore;
using static Ctms.Engine.Tests.Conformance.ConformanceHarness;

namespace Ctms.Engine.Tests.Persistence;

/// <summary>Runtime rows apart from history: an instance that ends leaves the runtime table; history keeps it.</summary>
public abstract class EndedInstanceTests
{
    protected abstract Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync();

    [Fact]
    public async Task An_ended_instance_leaves_the_runtime_table_and_stays_readable_from_history()
    {
        var (stores, cleanup) = await StoresAsync();
        await using var _ = cleanup;
        var engine = new BpmnEngine(stores, ScriptedActivities.Empty, new ManualClock(Start));
        await engine.DeployAsync("u.bpmn", Fixture("UserTaskWaits"));
        var instance = await engine.StartAsync("p", new Dictionary<string, object?> { ["subject"] = "S-9" });
        var context = ((EfEngineStore)stores()).Context;
        (await context.Instances.CountAsync(i => i.Id == instance.Id)).ShouldBe(1);

        await engine.CompleteTaskAsync((await stores().TasksAsync(instance.Id, default)).Single().Id, new Dictionary<string, object?> { ["ok"] = true });

        var after = ((EfEngineStore)stores()).Context;
        (await after.Instances.CountAsync(i => i.Id == instance.Id)).ShouldBe(0, "no runtime row once the instance ended");
        var ended = (await stores().InstanceAsync(instance.Id, default)).ShouldNotBeNull();
        ended.Status.ShouldBe(InstanceStatus.Completed);
        ended.Root.Variables["subject"].ShouldBe("S-9");
        ended.Root.Variables["ok"].ShouldBe(true);
        (await stores().HistoryAsync(instance.Id, default)).ShouldContain(h => h.ElementId == "p" && h.Event == "completed");
    }

    [Fact]
    public async Task An_instance_keeps_its_definition_hash_so_a_load_finds_the_definition_in_the_cache()
    {
        var (stores, cleanup) = await StoresAsync();
        await using var _ = cleanup;
        var engine = new BpmnEngine(stores, ScriptedActivities.Empty, new ManualClock(Start));
        var deployed = (await engine.DeployAsync("u.bpmn", Fixture("UserTaskWaits"))).Single();
        var instance = await engine.StartAsync("p");

        var saved = (await stores().InstanceAsync(instance.Id, default)).ShouldNotBeNull();
        saved.DefinitionHash.ShouldBe(deployed.Hash);
        var store = (EfEngineStore)stores();
        await store.Context.Database.ExecuteSqlRawAsync("UPDATE engine_definitions SET \"Hash\" = 'changed-behind-the-cache'");
        (await store.DefinitionAsync("p", 1, deployed.Hash, default)).ShouldNotBeNull().Hash.ShouldBe(deployed.Hash,
            "the version named by the instance's hash comes from the cache, without a query");
        (await store.DefinitionAsync("p", 1, default)).ShouldNotBeNull().Hash.ShouldBe("changed-behind-the-cache",
            "without a hash the store asks the database which version it has");
    }
}

public sealed class EndedInstanceTests_Sqlite : EndedInstanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => TestDatabases.SqliteAsync();
}

public sealed class EndedInstanceTests_Postgres : EndedInstanceTests
{
    protected override Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync() => TestDatabases.PostgresAsync();
}
