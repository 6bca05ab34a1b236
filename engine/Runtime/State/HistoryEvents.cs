using System.Text.Json.Nodes;
using Ctms.Engine.Persistence;

namespace Ctms.Engine.Runtime.State;

/// <summary>History event names beyond an element's life (started, completed, cancelled), and their details.</summary>
public static class HistoryEvents
{
    /// <summary>A variable was set in a scope; the detail is <c>{"name": ..., "value": ...}</c>.</summary>
    public const string Variable = "variable";

    /// <summary>A throw or end event broadcast its signal; the detail is <c>{"signal": ..., "reached": n}</c>.</summary>
    public const string SignalThrown = "signal-thrown";

    public static string SignalDetail(string signal, int reached) => new JsonObject { ["signal"] = signal, ["reached"] = reached }.ToJsonString();

    /// <summary>The longest detail kept; a longer value is cut and marked so.</summary>
    public const int MaxDetail = 4000;

    public static string VariableDetail(string name, object? value)
    {
        var json = new JsonObject { ["name"] = name, ["value"] = VariableJson.ToNode(value) }.ToJsonString();
        return json.Length <= MaxDetail ? json : new JsonObject { ["name"] = name, ["truncated"] = json[..MaxDetail] }.ToJsonString();
    }
}
