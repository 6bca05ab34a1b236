using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Engine.Feel;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Engine.Simulation;

/// <summary>
/// What a simulation does: start variables, the scripted results of service-task types, and the steps.
/// JSON form: <c>{"variables": {...}, "businessKey": "...", "services": {"type": {"outputs": {...}} | {"error": "code"}}, "steps": [...]}</c>.
/// A step is <c>{"complete": "taskId", "variables": {...}}</c>, <c>{"message": "name", "correlationKey": "...", "variables": {...}}</c>,
/// <c>{"signal": "name", "businessKey": "...", "variables": {...}}</c> (the key defaults to the simulated instance's) or
/// <c>{"advanceClock": "P1D"}</c>.
/// </summary>
public sealed record SimulationScript(
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyDictionary<string, ActivityResult> Services,
    IReadOnlyList<SimulationStep> Steps)
{
    /// <summary>The business key the simulated instance starts with (signals are scoped to it), or null.</summary>
    public string? BusinessKey { get; init; }

    public static readonly SimulationScript Empty = new(new Dictionary<string, object?>(), new Dictionary<string, ActivityResult>(), []);

    /// <summary>Reads the JSON form; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static SimulationScript Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The script is not valid JSON: {e.Message}", e);
        }
        if (root is not JsonObject script)
        {
            throw new FormatException("The script must be a JSON object.");
        }
        var services = new Dictionary<string, ActivityResult>(StringComparer.Ordinal);
        foreach (var (type, value) in script["services"] as JsonObject ?? [])
        {
            services[type] = value?["error"] is JsonValue error
                ? ActivityResult.Error(error.GetValue<string>())
                : ActivityResult.Complete(Object(value?["outputs"], $"services.{type}.outputs"));
        }
        var steps = new List<SimulationStep>();
        foreach (var (step, index) in (script["steps"] as JsonArray ?? []).Select((s, i) => (s, i)))
        {
            steps.Add(step switch
            {
                JsonObject s when s["complete"] is JsonValue id => new SimulationStep.Complete(id.GetValue<string>(), Object(s["variables"], $"steps[{index}].variables")),
                JsonObject s when s["message"] is JsonValue name => new SimulationStep.Message(name.GetValue<string>(),
                    s["correlationKey"]?.ToString() ?? "", Object(s["variables"], $"steps[{index}].variables")),
                JsonObject s when s["signal"] is JsonValue name => new SimulationStep.Signal(name.GetValue<string>(),
                    s["businessKey"]?.ToString(), Object(s["variables"], $"steps[{index}].variables")),
                JsonObject s when s["advanceClock"] is JsonValue by => new SimulationStep.AdvanceClock(by.GetValue<string>()),
                _ => throw new FormatException($"steps[{index}] must have 'complete', 'message', 'signal' or 'advanceClock'."),
            });
        }
        return new SimulationScript(Object(script["variables"], "variables"), services, steps) { BusinessKey = script["businessKey"]?.ToString() };
    }

    private static Dictionary<string, object?> Object(JsonNode? node, string where) => node switch
    {
        null => new Dictionary<string, object?>(StringComparer.Ordinal),
        JsonObject o => o.ToDictionary(p => p.Key, p => FeelValues.FromJsonNode(p.Value), StringComparer.Ordinal),
        _ => throw new FormatException($"{where} must be a JSON object."),
    };
}
