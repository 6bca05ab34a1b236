using System.Text.Json.Nodes;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Persistence;

/// <summary>The element instances of a process instance as one JSON document (the instance row's state column).</summary>
internal static class ElementsJson
{
    public static string Serialize(Dictionary<Guid, ElementInstanceState> elements) =>
        new JsonArray([.. elements.Values.Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e.Id,
            ["element"] = e.ElementId,
            ["kind"] = e.Kind,
            ["scope"] = e.ScopeId,
            ["status"] = e.Status.ToString(),
            ["variables"] = VariableJson.ToObject(e.Variables),
            ["join"] = new JsonObject(e.JoinTokens.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
            ["loop"] = e.LoopCounter,
            ["items"] = e.LoopItems is null ? null : VariableJson.ToNode(e.LoopItems),
            ["completed"] = e.CompletedInstances,
            ["called"] = e.CalledInstanceId,
            ["incident"] = e.IncidentId,
            ["retries"] = e.RetriesLeft,
            ["waits"] = (int)e.Waits,
            ["completing"] = e.Completing,
        })]).ToJsonString();

    /// <summary>The flags; a state saved before they existed said only whether anything waited (true, or absent: look for all).</summary>
    private static ElementWaits Waits(JsonNode? node) => node?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.Number => (ElementWaits)node.GetValue<int>(),
        System.Text.Json.JsonValueKind.False => ElementWaits.None,
        _ => ElementWaits.All,
    };

    public static Dictionary<Guid, ElementInstanceState> Deserialize(string json)
    {
        var elements = new Dictionary<Guid, ElementInstanceState>();
        foreach (var node in JsonNode.Parse(json)!.AsArray())
        {
            var e = new ElementInstanceState
            {
                Id = node!["id"]!.GetValue<Guid>(),
                ElementId = node["element"]!.GetValue<string>(),
                Kind = node["kind"]!.GetValue<string>(),
                ScopeId = node["scope"]?.GetValue<Guid>(),
                Status = Enum.Parse<ElementStatus>(node["status"]!.GetValue<string>()),
                Variables = VariableJson.FromObject(node["variables"]),
                JoinTokens = node["join"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>(), StringComparer.Ordinal),
                LoopCounter = node["loop"]?.GetValue<int>(),
                LoopItems = node["items"] is JsonArray items ? (List<object?>)VariableJson.FromNode(items)! : null,
                CompletedInstances = node["completed"]!.GetValue<int>(),
                CalledInstanceId = node["called"]?.GetValue<Guid>(),
                IncidentId = node["incident"]?.GetValue<Guid>(),
                RetriesLeft = node["retries"]?.GetValue<int>(),
                Waits = Waits(node["waits"]),
                Completing = node["completing"]?.GetValue<bool>() ?? false,
            };
            elements[e.Id] = e;
        }
        return elements;
    }
}
