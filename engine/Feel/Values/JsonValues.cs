using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ctms.Engine.Feel.Values;

/// <summary>Maps FEEL values to and from JSON: numbers as numbers, temporals as ISO 8601 strings.</summary>
internal static class JsonValues
{
    public static JsonNode? ToNode(object? value) => Write(HostValues.Normalize(value));

    private static JsonNode? Write(object? value) => value switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(FeelFormat.Trim(d)),
        string s => JsonValue.Create(s),
        IReadOnlyList<object?> list => new JsonArray([.. list.Select(Write)]),
        IReadOnlyDictionary<string, object?> map => Object(map),
        var temporal => JsonValue.Create(FeelFormat.Iso(temporal)),
    };

    public static object? FromNode(JsonNode? node, int depth = 0)
    {
        if (depth > ValueLimits.MaxHostNesting)
        {
            throw new ArgumentException($"The JSON is nested more than {ValueLimits.MaxHostNesting} levels deep.", nameof(node));
        }

        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                return array.Select(item => FromNode(item, depth + 1)).ToList();
            case JsonObject obj:
                var context = new FeelContextValue();
                foreach (var (key, item) in obj)
                {
                    context.Set(key, FromNode(item, depth + 1));
                }

                return context;
        }

        var value = node.AsValue();
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return FromElement(element, depth);
        }

        using var document = JsonDocument.Parse(value.ToJsonString());
        return FromElement(document.RootElement, depth);
    }

    public static object? FromElement(JsonElement element, int depth = 0)
    {
        if (depth > ValueLimits.MaxHostNesting)
        {
            throw new ArgumentException($"The JSON is nested more than {ValueLimits.MaxHostNesting} levels deep.", nameof(element));
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return element.TryGetDecimal(out var d) ? d : DecimalMath.FromDouble(element.GetDouble());
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(item => FromElement(item, depth + 1)).ToList();
            case JsonValueKind.Object:
                var context = new FeelContextValue();
                foreach (var property in element.EnumerateObject())
                {
                    context.Set(property.Name, FromElement(property.Value, depth + 1));
                }

                return context;
            default:
                return null;
        }
    }

    private static JsonObject Object(IReadOnlyDictionary<string, object?> map)
    {
        var obj = new JsonObject();
        foreach (var (key, item) in map)
        {
            obj[key] = Write(item);
        }

        return obj;
    }
}
