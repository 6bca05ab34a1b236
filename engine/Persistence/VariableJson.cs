using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Engine.Feel;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Persistence;

/// <summary>
/// FEEL values to JSON and back without losing their type: numbers, strings, booleans, lists and contexts are
/// plain JSON; dates, times, date-times and durations are tagged objects (<c>{"$feel": "date", "v": "2026-03-02"}</c>),
/// so a date stays a date across a wait state instead of coming back as a string.
/// </summary>
internal static class VariableJson
{
    private const string Tag = "$feel";

    public static JsonNode? ToNode(object? value) => FeelValues.Normalize(value) switch
    {
        null => null,
        bool b => JsonValue.Create(b),
        decimal d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        DateOnly d => Tagged("date", FeelFormat.Date(d)),
        TimeOnly t => Tagged("time", FeelFormat.Time(t)),
        DateTimeOffset dt => Tagged("dateTime", FeelFormat.ZonedDateTime(dt)),
        DateTime dt => Tagged("localDateTime", FeelFormat.LocalDateTime(dt)),
        TimeSpan span => Tagged("duration", FeelFormat.DaysTime(span)),
        FeelYearsMonths ym => Tagged("yearsMonths", ym.ToString()),
        IReadOnlyDictionary<string, object?> context => new JsonObject(context.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value)))),
        IReadOnlyList<object?> list => new JsonArray([.. list.Select(ToNode)]),
        var other => throw new JsonException($"A variable of type {other.GetType().Name} cannot be stored."),
    };

    public static object? FromNode(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o when o[Tag] is JsonValue tag && o["v"] is JsonValue text => Untag(tag.GetValue<string>(), text.GetValue<string>()),
        JsonObject o => Context(o),
        JsonArray a => a.Select(FromNode).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v => v.GetValue<decimal>(),
        _ => null,
    };

    public static string Serialize(IReadOnlyDictionary<string, object?> variables) => ToObject(variables).ToJsonString();

    public static Dictionary<string, object?> Deserialize(string? json) => FromObject(string.IsNullOrEmpty(json) ? null : JsonNode.Parse(json));

    /// <summary>A scope's variables as a JSON object, to nest in a larger document without a text round trip.</summary>
    public static JsonObject ToObject(IReadOnlyDictionary<string, object?> variables) =>
        new(variables.Select(p => KeyValuePair.Create(p.Key, ToNode(p.Value))));

    /// <summary>A scope's variables from a JSON object (anything else reads as no variables).</summary>
    public static Dictionary<string, object?> FromObject(JsonNode? node) =>
        node is JsonObject o
            ? o.ToDictionary(p => p.Key, p => FromNode(p.Value), StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private static FeelContextValue Context(JsonObject o)
    {
        var context = new FeelContextValue();
        foreach (var (key, value) in o)
        {
            context.Set(key, FromNode(value));
        }
        return context;
    }

    private static JsonObject Tagged(string type, string text) => new() { [Tag] = type, ["v"] = text };

    private static object? Untag(string type, string text) => type switch
    {
        "date" => TemporalText.ParseDate(text),
        "time" => TemporalText.ParseTime(text),
        "dateTime" or "localDateTime" => TemporalText.ParseDateTime(text),
        "duration" or "yearsMonths" => TemporalText.ParseDuration(text),
        _ => throw new JsonException($"Unknown stored FEEL type '{type}'."),
    };
}
