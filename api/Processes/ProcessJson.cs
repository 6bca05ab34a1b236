using System.Text.Json.Nodes;
using Ctms.Engine.Feel;

namespace Ctms.Api.Processes;

/// <summary>Process variables between the API's JSON and the engine's FEEL values.</summary>
internal static class ProcessJson
{
    public static Dictionary<string, object?> Variables(JsonObject? json) =>
        json?.ToDictionary(p => p.Key, p => FeelValues.FromJsonNode(p.Value), StringComparer.Ordinal) ?? new Dictionary<string, object?>(StringComparer.Ordinal);

    public static JsonObject Json(IReadOnlyDictionary<string, object?> variables) =>
        new(variables.Select(p => KeyValuePair.Create(p.Key, FeelValues.ToJsonNode(p.Value))));
}
