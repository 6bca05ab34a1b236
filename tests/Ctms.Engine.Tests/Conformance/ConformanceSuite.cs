using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>
/// A conformance test class runs once per store: in memory, and persisted (SQLite, PostgreSQL) where every command
/// gets a fresh DbContext, so state is reloaded from the database at every wait state.
/// </summary>
public abstract class ConformanceSuite : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _cleanups = [];

    /// <summary>A fresh store factory for one simulation (a new database for the persisted kinds).</summary>
    protected abstract Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync();

    protected async Task<SimulationResult> RunAsync(string script, params string[] fixtures) => (await RunWithStoreAsync(script, fixtures)).Result;

    /// <summary>Runs fixtures and keeps the store until the test ends, to look at what is left behind (tasks, timers, child instances).</summary>
    protected async Task<(SimulationResult Result, IEngineStore Store)> RunWithStoreAsync(string script, params string[] fixtures)
    {
        var (stores, cleanup) = await StoresAsync();
        _cleanups.Add(cleanup);
        var result = await Simulator.RunAsync([.. fixtures.Select(f => (f + ".bpmn", ConformanceHarness.Fixture(f)))], SimulationScript.Parse(script),
            ConformanceHarness.Start, stores);
        return (result, stores());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var cleanup in _cleanups)
        {
            await cleanup.DisposeAsync();
        }
    }
}
