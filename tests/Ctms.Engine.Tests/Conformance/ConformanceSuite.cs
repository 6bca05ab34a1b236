using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Simulation;

namespace Ctms.Engine.Tests.Conformance;

/// <summary>
/// A conformance test class runs once per store: in memory, and persisted (SQLite, PostgreSQL) where every command
/// gets a fresh DbContext, so state is reloaded from the database at every wait state.
/// </summary>
public abstract class ConformanceSuite
{
    /// <summary>A fresh store factory for one simulation (a new database for the persisted kinds).</summary>
    protected abstract Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync();

    protected async Task<SimulationResult> RunAsync(string script, params string[] fixtures)
    {
        var (stores, cleanup) = await StoresAsync();
        await using (cleanup)
        {
            return await Simulator.RunAsync([.. fixtures.Select(f => (f + ".bpmn", ConformanceHarness.Fixture(f)))], SimulationScript.Parse(script),
                ConformanceHarness.Start, stores);
        }
    }
}
