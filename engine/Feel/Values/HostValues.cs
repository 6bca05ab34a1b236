using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ctms.Engine.Feel.Values;

/// <summary>Converts host values (CLR numbers, collections, JSON) into the FEEL value model.</summary>
internal static class HostValues
{
    public static object? Normalize(object? value, int depth = 0)
    {
        if (depth > ValueLimits.MaxHostNesting)
        {
            throw new ArgumentException($"The value is nested more than {ValueLimits.MaxHostNesting} levels deep.", nameof(value));
        }

        return value switch
        {
            null or bool or decimal or string or DateOnly or TimeOnly or DateTimeOffset or TimeSpan or FeelYearsMonths => value,
            int or long or short or byte or sbyte or uint or ulong or ushort => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
            double d => DecimalMath.FromDouble(d),
            float f => DecimalMath.FromDouble(f),
            char c => c.ToString(),
            DateTime dt => dt.Kind switch
            {
                DateTimeKind.Utc => new DateTimeOffset(dt, TimeSpan.Zero),
                DateTimeKind.Local => new DateTimeOffset(dt),
                _ => (object)dt,
            },
            JsonElement element => JsonValues.FromElement(element, depth),
            JsonNode node => JsonValues.FromNode(node, depth),
            IReadOnlyDictionary<string, object?> map => Context(map, depth),
            IDictionary map => Context(map, depth),
            IEnumerable items => List(items, depth),
            _ => throw new ArgumentException($"A value of type {value.GetType().Name} has no FEEL equivalent.", nameof(value)),
        };
    }

    private static FeelContextValue Context(IReadOnlyDictionary<string, object?> map, int depth)
    {
        var context = new FeelContextValue();
        foreach (var (key, item) in map)
        {
            context.Set(key, Normalize(item, depth + 1));
        }

        return context;
    }

    private static FeelContextValue Context(IDictionary map, int depth)
    {
        var context = new FeelContextValue();
        foreach (DictionaryEntry entry in map)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException("A dictionary with non-string keys has no FEEL equivalent.", nameof(map));
            }

            context.Set(key, Normalize(entry.Value, depth + 1));
        }

        return context;
    }

    private static List<object?> List(IEnumerable items, int depth)
    {
        var list = new List<object?>();
        foreach (var item in items)
        {
            list.Add(Normalize(item, depth + 1));
        }

        return list;
    }
}
