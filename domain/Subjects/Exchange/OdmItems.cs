using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ctms.Domain.Subjects.Exchange;

/// <summary>A static option of a select or radio field: an ODM code list item.</summary>
public sealed record OdmOption(string Value, string Label);

/// <summary>An e-CRF field as ODM describes it: its data type, its length, its range and its code list.</summary>
public sealed record OdmItem(string Key, string Label, string DataType, int? Length, decimal? Min, decimal? Max, IReadOnlyList<OdmOption> Options);

/// <summary>Reads the fields of a form-js schema as ODM items, and builds ODM object identifiers.</summary>
public static class OdmItems
{
    /// <summary>The input fields of the schema (components with a key, nested groups included), in form order.</summary>
    public static IReadOnlyList<OdmItem> Of(string schema)
    {
        var items = new List<OdmItem>();
        if (JsonNode.Parse(schema) is JsonObject root)
        {
            Collect(root["components"] as JsonArray, items);
        }
        return items;
    }

    private static void Collect(JsonArray? components, List<OdmItem> items)
    {
        foreach (var component in components?.OfType<JsonObject>() ?? [])
        {
            Collect(component["components"] as JsonArray, items);
            var key = component["key"]?.GetValue<string>();
            var type = component["type"]?.GetValue<string>() ?? "";
            if (string.IsNullOrEmpty(key) || type is "button" or "text" or "html" or "image" or "spacer" or "separator" or "group" or "dynamiclist")
            {
                continue;
            }
            var validate = component["validate"] as JsonObject;
            var options = (component["values"] as JsonArray)?.OfType<JsonObject>()
                .Select(o => new OdmOption(o["value"]?.ToString() ?? "", o["label"]?.ToString() ?? o["value"]?.ToString() ?? ""))
                .Where(o => o.Value.Length > 0).ToList() ?? [];
            var dataType = type switch
            {
                "number" => Number(component["decimalDigits"]) is 0 ? "integer" : "float",
                "checkbox" => "boolean",
                "datetime" => component["subtype"]?.ToString() switch { "date" => "date", "time" => "time", _ => "datetime" },
                _ => "text",
            };
            var maxLength = Number(validate?["maxLength"]);
            items.Add(new OdmItem(key, component["label"]?.ToString() ?? key, dataType, maxLength is > 0 ? (int)maxLength : null,
                Number(validate?["min"]), Number(validate?["max"]), options));
        }
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<decimal>(out var d) || (v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)))
            ? d
            : null;

    /// <summary>An OID part from a code: letters, digits, '-', '_' and '.' kept, anything else as '_'.</summary>
    public static string Oid(string code)
    {
        var b = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            b.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }
        return b.ToString();
    }

    /// <summary>An e-CRF value as ODM text: numbers invariant, booleans 1/0 as ODM's boolean accepts, dates as given.</summary>
    public static string? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "1" : "0",
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Join(",", a.Select(x => x?.ToString())),
        _ => node.ToJsonString(),
    };
}
