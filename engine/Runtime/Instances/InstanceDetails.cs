using System.Text.Json.Nodes;
using Ctms.Engine.Feel;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;

namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// Everything an instance viewer shows of one instance, running or ended: its header, the XML of its definition
/// version, the names of its elements, the diagram's marks, the element history (oldest first, variable changes left
/// out), its process-level variables as JSON and its open user tasks.
/// </summary>
public sealed record InstanceDetails(
    InstanceSummary Instance,
    string? ProcessName,
    string Xml,
    IReadOnlyDictionary<string, string> ElementNames,
    InstanceDiagram Diagram,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyList<UserTaskState> OpenTasks)
{
    /// <summary>The instance's details, or null when no instance has this id.</summary>
    public static async Task<InstanceDetails?> LoadAsync(IEngineStore store, Guid instanceId, CancellationToken ct)
    {
        var instance = await store.InstanceAsync(instanceId, ct);
        if (instance is null)
        {
            return null;
        }
        var definition = await store.DefinitionAsync(instance.ProcessId, instance.DefinitionVersion, instance.DefinitionHash, ct)
                         ?? throw new EngineException(EngineException.NotFound, $"Definition {instance.ProcessId}:{instance.DefinitionVersion} was not found.");
        var history = await store.HistoryAsync(instanceId, ct);
        var incidents = await store.IncidentsAsync(instanceId, ct);
        var tasks = instance.Status == InstanceStatus.Active ? await store.TasksAsync(instanceId, ct) : [];
        var summary = new InstanceSummary(instance.Id, instance.ProcessId, instance.DefinitionVersion, instance.BusinessKey, instance.Status.ToString(),
            instance.StartedAt, instance.EndedAt, instance.ParentInstanceId, incidents.Count);
        var variables = instance.Root.Variables.OrderBy(v => v.Key, StringComparer.Ordinal)
            .ToDictionary(v => v.Key, v => FeelValues.ToJsonNode(v.Value), StringComparer.Ordinal);
        var names = definition.Model.AllNodes.Values.Where(n => !string.IsNullOrWhiteSpace(n.Name))
            .ToDictionary(n => n.Id, n => n.Name!, StringComparer.Ordinal);
        return new InstanceDetails(summary, definition.Name, definition.Xml, names, InstanceDiagram.Of(instance, definition.Model, history, incidents),
            [.. history.Where(h => h.Event != HistoryEvents.Variable)], variables, [.. tasks.OrderBy(t => t.CreatedAt)]);
    }
}
