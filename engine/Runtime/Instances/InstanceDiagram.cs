using Ctms.Engine.Model;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Instances;

/// <summary>
/// What an instance viewer marks on the instance's diagram, by BPMN element id: the elements that completed, the
/// sequence flows taken, the active tokens (how many element instances are active on each element) and the open incidents.
/// Elements inside subprocesses are included: their ids are unique in the process, as the diagram draws them.
/// </summary>
public sealed record InstanceDiagram(
    IReadOnlyList<string> CompletedElements,
    IReadOnlyList<string> TakenFlows,
    IReadOnlyDictionary<string, int> ActiveTokens,
    IReadOnlyList<IncidentState> Incidents)
{
    /// <summary>
    /// The marks of <paramref name="instance"/> (running or ended) from its element instances, its history and its
    /// open incidents.
    /// </summary>
    /// <remarks>
    /// History records elements, not flows: a flow counts as taken when its source completed and its target started in
    /// this instance. A gateway's branch not chosen stays unmarked, unless its target was reached by another path too (a
    /// loop back); the element marks are exact.
    /// </remarks>
    public static InstanceDiagram Of(ProcessInstanceState instance, ProcessModel model, IReadOnlyList<HistoryEvent> history,
        IReadOnlyList<IncidentState> incidents)
    {
        var started = new HashSet<string>(StringComparer.Ordinal);
        var completed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            if (e.ElementType is ElementKind.Process or HistoryEvents.Variable || e.ElementId == model.Id)
            {
                continue;
            }
            if (e.Event == "started")
            {
                started.Add(e.ElementId);
            }
            else if (e.Event == "completed")
            {
                completed.Add(e.ElementId);
            }
        }
        var taken = model.AllNodes.Values
            .Where(n => completed.Contains(n.Id))
            .SelectMany(n => n.Outgoing)
            .Where(f => started.Contains(f.Target.Id))
            .Select(f => f.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        // A multi-instance body and its inner instances share the element id: the inner instances are the tokens.
        var tokens = instance.Elements.Values
            .Where(e => e.Status == ElementStatus.Active && e.Id != instance.RootId && e.Kind != ElementKind.MultiInstanceBody)
            .GroupBy(e => e.ElementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new InstanceDiagram([.. completed.Order(StringComparer.Ordinal)], taken, tokens, incidents);
    }
}
