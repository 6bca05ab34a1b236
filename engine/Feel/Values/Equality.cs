namespace Ctms.Engine.Feel.Values;

/// <summary>FEEL equality: null equals only null, values of different types are not comparable (null).</summary>
internal static class Equality
{
    public static bool? Equal(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        var kind = Kinds.Of(a);
        if (kind != Kinds.Of(b))
        {
            return null;
        }

        return kind switch
        {
            FeelKind.Boolean => (bool)a == (bool)b,
            FeelKind.Number => (decimal)a == (decimal)b,
            FeelKind.String => string.Equals((string)a, (string)b, StringComparison.Ordinal),
            FeelKind.Date => (DateOnly)a == (DateOnly)b,
            FeelKind.Time => (TimeOnly)a == (TimeOnly)b,
            FeelKind.LocalDateTime => (DateTime)a == (DateTime)b,
            FeelKind.ZonedDateTime => (DateTimeOffset)a == (DateTimeOffset)b,
            FeelKind.DaysTime => (TimeSpan)a == (TimeSpan)b,
            FeelKind.YearsMonths => (FeelYearsMonths)a == (FeelYearsMonths)b,
            FeelKind.List => ListsEqual((IReadOnlyList<object?>)a, (IReadOnlyList<object?>)b),
            FeelKind.Context => ContextsEqual((IReadOnlyDictionary<string, object?>)a, (IReadOnlyDictionary<string, object?>)b),
            _ => null,
        };
    }

    /// <summary>True only when FEEL equality says true (null and false both count as "not equal").</summary>
    public static bool IsEqual(object? a, object? b) => Equal(a, b) == true;

    private static bool? ListsEqual(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var result = (bool?)true;
        for (var i = 0; i < a.Count; i++)
        {
            var item = Equal(a[i], b[i]);
            if (item == false)
            {
                return false;
            }

            if (item is null)
            {
                result = null;
            }
        }

        return result;
    }

    private static bool? ContextsEqual(IReadOnlyDictionary<string, object?> a, IReadOnlyDictionary<string, object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        var result = (bool?)true;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other))
            {
                return false;
            }

            var item = Equal(value, other);
            if (item == false)
            {
                return false;
            }

            if (item is null)
            {
                result = null;
            }
        }

        return result;
    }
}
