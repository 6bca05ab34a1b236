using System.Text.Json.Nodes;

namespace Ctms.Engine.Simulation;

/// <summary>The end of a simulation: the state, the ordered trace, what is still active, the root variables, the incidents.</summary>
public sealed record SimulationResult(
    string State,
    IReadOnlyList<TraceEntry> Trace,
    IReadOnlyList<string> Active,
    JsonObject Variables,
    IReadOnlyList<SimulationIncident> Incidents);

/// <summary>One flow-node instance that ended: completed, or cancelled (an interrupting event, a terminate end, a met completion condition).</summary>
public sealed record TraceEntry(string Activity, string Type, string Event);

public sealed record SimulationIncident(string ElementId, string Code, string Message);
