using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Engine.Simulation;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>
/// A task test class runs once per store: in memory, and persisted (SQLite, PostgreSQL) where every command gets a
/// fresh DbContext. Each test gets an engine, a task service and the class's fixture (Fixtures/&lt;class&gt;.bpmn) deployed.
/// </summary>
public abstract class TaskSuite(string fixture) : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private IAsyncDisposable? _cleanup;

    protected ManualClock Clock { get; } = new(Start);
    protected Func<IEngineStore> Stores { get; private set; } = null!;
    protected BpmnEngine Engine { get; private set; } = null!;
    protected TaskService Tasks { get; private set; } = null!;

    /// <summary>A fresh store factory for one test (a new database for the persisted kinds).</summary>
    protected abstract Task<(Func<IEngineStore> Stores, IAsyncDisposable Cleanup)> StoresAsync();

    public async Task InitializeAsync()
    {
        (Stores, _cleanup) = await StoresAsync();
        Engine = new BpmnEngine(Stores, ScriptedActivities.Empty, Clock);
        Tasks = new TaskService(Engine, Stores, Clock);
        await Engine.DeployAsync(fixture + ".bpmn", await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Tasks", "Fixtures", fixture + ".bpmn")));
    }

    public async Task DisposeAsync()
    {
        if (_cleanup is not null)
        {
            await _cleanup.DisposeAsync();
        }
    }

    /// <summary>The open task of an element in an instance, as stored now.</summary>
    protected async Task<UserTaskState> TaskAsync(Guid instanceId, string elementId) =>
        (await Stores().TasksAsync(instanceId, default)).Single(t => t.ElementId == elementId);

    protected async Task<List<UserTaskState>> OpenTasksAsync(Guid instanceId) => [.. await Stores().TasksAsync(instanceId, default)];

    /// <summary>The history of one element of an instance, as "event by user" strings.</summary>
    protected async Task<List<string>> HistoryAsync(Guid instanceId, string elementId) =>
        [.. (await Stores().HistoryAsync(instanceId, default)).Where(h => h.ElementId == elementId).Select(h => h.UserId is null ? h.Event : $"{h.Event} by {h.UserId}")];

    /// <summary>Runs a refused operation and returns its code.</summary>
    protected static async Task<string> RefusalAsync(Func<Task> operation) => (await Should.ThrowAsync<EngineException>(operation)).Code;
}
