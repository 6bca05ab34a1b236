using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Engine.Parsing;
using Ctms.Engine.Simulation;

namespace Ctms.Api.Simulation;

/// <summary>The simulation result's JSON form, shared by the CLI verb and the REST endpoint.</summary>
internal static class SimulationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static JsonObject ToJson(SimulationResult result) => new()
    {
        ["state"] = result.State,
        ["trace"] = new JsonArray([.. result.Trace.Select(t => (JsonNode)new JsonObject { ["activity"] = t.Activity, ["type"] = t.Type, ["event"] = t.Event })]),
        ["active"] = new JsonArray([.. result.Active.Select(a => (JsonNode)JsonValue.Create(a))]),
        ["variables"] = result.Variables.DeepClone(),
        ["incidents"] = new JsonArray([.. result.Incidents.Select(i => (JsonNode)new JsonObject { ["elementId"] = i.ElementId, ["code"] = i.Code, ["message"] = i.Message })]),
    };

    public static string Write(SimulationResult result) => ToJson(result).ToJsonString(Options);

    public static string Describe(BpmnValidationException e, string file) =>
        string.Join(Environment.NewLine, e.Problems.Select(p => $"{file}: {p}"));
}
