using System.Text.Json.Nodes;
using Ctms.Engine.Feel;
using Ctms.Engine.Model;
using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Timers;

namespace Ctms.Engine.Simulation;

/// <summary>
/// Runs definitions in an isolated in-memory store driven by a script, with a clock that moves only by the script:
/// the designer's "simulate" and the engine's conformance tests. No host activity runs.
/// </summary>
public static class Simulator
{
    /// <summary>Deploys the files, starts the first file's executable process, plays the steps, and reports.</summary>
    /// <exception cref="BpmnValidationException">A file does not validate.</exception>
    /// <exception cref="SimulationException">A step does not apply (no such active task, a bad duration).</exception>
    public static async Task<SimulationResult> RunAsync(IReadOnlyList<(string Name, string Xml)> files, SimulationScript script,
        DateTimeOffset? start = null, Func<IEngineStore>? stores = null, CancellationToken ct = default)
    {
        if (files.Count == 0)
        {
            throw new SimulationException("No BPMN file was given.");
        }
        var clock = new ManualClock(start ?? DateTimeOffset.UtcNow);
        var memory = new InMemoryEngineStore();
        var engine = new BpmnEngine(stores ?? (() => memory), new ScriptedActivities(script.Services), clock,
            new EngineOptions { DefaultMessageTimeToLive = null });
        IReadOnlyList<DeployedProcess>? main = null;
        foreach (var (name, xml) in files)
        {
            var deployed = await engine.DeployAsync(name, xml, ct);
            main ??= deployed;
        }
        var root = await engine.StartAsync(main![0].ProcessId, script.Variables, script.BusinessKey, ct: ct);
        await FireDueAsync(engine, ct);
        foreach (var (step, index) in script.Steps.Select((s, i) => (s, i)))
        {
            await PlayAsync(engine, clock, step, index, root.BusinessKey, ct);
        }
        return await ReportAsync(engine.Store, root.Id, ct);
    }

    private static async Task PlayAsync(BpmnEngine engine, ManualClock clock, SimulationStep step, int index, string? businessKey, CancellationToken ct)
    {
        switch (step)
        {
            case SimulationStep.Complete complete:
                var task = (await engine.Store.TasksAsync(null, ct))
                    .Where(t => t.ElementId == complete.TaskId)
                    .OrderBy(t => t.LoopCounter ?? 0).ThenBy(t => t.CreatedAt)
                    .FirstOrDefault()
                    ?? throw new SimulationException($"Step {index + 1}: no active user task '{complete.TaskId}' to complete.");
                await engine.CompleteTaskAsync(task.Id, complete.Variables, "simulation", ct);
                break;
            case SimulationStep.Message message:
                await engine.CorrelateAsync(message.Name, message.CorrelationKey, message.Variables, keepUntilDisposed: true, ct: ct);
                break;
            case SimulationStep.Signal signal:
                await engine.BroadcastSignalAsync(signal.Name, signal.BusinessKey ?? businessKey, signal.Variables, ct);
                break;
            case SimulationStep.AdvanceClock advance:
                if (!IsoDuration.TryParse(advance.Duration, out var duration))
                {
                    throw new SimulationException($"Step {index + 1}: '{advance.Duration}' is not an ISO 8601 duration.");
                }
                var target = duration.AddTo(clock.GetUtcNow());
                while (await engine.Store.NextJobDueAsync(ct) is { } due && due <= target)
                {
                    clock.Set(due);
                    await engine.RunDueJobsAsync(ct: ct);
                }
                clock.Set(target);
                break;
        }
        await FireDueAsync(engine, ct);
    }

    private static async Task FireDueAsync(BpmnEngine engine, CancellationToken ct)
    {
        while (await engine.RunDueJobsAsync(ct: ct) > 0)
        {
        }
    }

    private static async Task<SimulationResult> ReportAsync(IEngineStore store, Guid rootId, CancellationToken ct)
    {
        var root = await store.InstanceAsync(rootId, ct) ?? throw new SimulationException("The simulated instance vanished.");
        var history = await store.HistoryAsync(null, ct);
        var trace = history
            .Where(h => h.Event is "completed" or "cancelled" && h.ElementType is not (ElementKind.Process or ElementKind.MultiInstanceBody))
            .Select(h => new TraceEntry(h.ElementId, h.ElementType, h.Event))
            .ToList();
        var instanceIds = history.Select(h => h.InstanceId).Distinct();
        var active = new List<string>();
        foreach (var id in instanceIds)
        {
            var instance = await store.InstanceAsync(id, ct);
            if (instance?.Status == InstanceStatus.Active)
            {
                active.AddRange(instance.Elements.Values
                    .Where(e => e.Status == ElementStatus.Active && e.Id != instance.RootId && e.Kind != ElementKind.MultiInstanceBody)
                    .Select(e => e.ElementId));
            }
        }
        var incidents = (await store.IncidentsAsync(null, ct)).Select(i => new SimulationIncident(i.ElementId, i.Code, i.Message)).ToList();
        var state = incidents.Count > 0 ? "incident" : root.Status == InstanceStatus.Active ? "active" : "completed";
        var variables = new JsonObject();
        foreach (var (name, value) in root.Root.Variables)
        {
            variables[name] = FeelValues.ToJsonNode(value);
        }
        return new SimulationResult(state, trace, active, variables, incidents);
    }
}
