using System.Text.Json.Nodes;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel;

/// <summary>Conversions between host values, JSON and the FEEL value model.</summary>
public static class FeelValues
{
    /// <summary>
    /// Converts a host value into the FEEL value model: integers and floating-point numbers to decimal,
    /// arrays and lists to List&lt;object?&gt;, string-keyed dictionaries and JSON objects to <see cref="FeelContextValue"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value (or a part of it) has no FEEL equivalent, or is nested too deeply.</exception>
    public static object? Normalize(object? hostValue) => HostValues.Normalize(hostValue);

    /// <summary>The JSON form of a value: numbers as JSON numbers, temporals as ISO 8601 strings, contexts as objects.</summary>
    public static JsonNode? ToJsonNode(object? value) => JsonValues.ToNode(value);

    /// <summary>The FEEL value of a JSON node. Strings stay strings (no guessing of dates).</summary>
    public static object? FromJsonNode(JsonNode? node) => JsonValues.FromNode(node);

    /// <summary>The ISO 8601 text of a date, time, date-time or duration; null for any other value.</summary>
    public static string? ToIso(object? value) => FeelFormat.Iso(HostValues.Normalize(value));

    /// <summary>The text FEEL's string() function gives for a value; null for null.</summary>
    public static string? ToFeelString(object? value) => FeelText.ToText(HostValues.Normalize(value));
}
