namespace Ctms.Engine.Feel.Values;

/// <summary>FEEL ordering: numbers, strings, dates, times, date-times and durations of the same type.</summary>
internal static class Ordering
{
    /// <summary>Negative, zero or positive; null when the values are not of one ordered type.</summary>
    public static int? Compare(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var kind = Kinds.Of(a);
        if (kind != Kinds.Of(b))
        {
            return null;
        }

        return kind switch
        {
            FeelKind.Number => ((decimal)a).CompareTo((decimal)b),
            FeelKind.String => string.CompareOrdinal((string)a, (string)b),
            FeelKind.Date => ((DateOnly)a).CompareTo((DateOnly)b),
            FeelKind.Time => ((TimeOnly)a).CompareTo((TimeOnly)b),
            FeelKind.LocalDateTime => ((DateTime)a).CompareTo((DateTime)b),
            FeelKind.ZonedDateTime => ((DateTimeOffset)a).CompareTo((DateTimeOffset)b),
            FeelKind.DaysTime => ((TimeSpan)a).CompareTo((TimeSpan)b),
            FeelKind.YearsMonths => ((FeelYearsMonths)a).TotalMonths.CompareTo(((FeelYearsMonths)b).TotalMonths),
            _ => null,
        };
    }

    /// <summary>Applies a comparison operator (=, !=, &lt;, &lt;=, &gt;, &gt;=) with FEEL's null semantics.</summary>
    public static bool? Apply(string op, object? a, object? b)
    {
        switch (op)
        {
            case "=":
                return Equality.Equal(a, b);
            case "!=":
                return !Equality.Equal(a, b);
        }

        var order = Compare(a, b);
        if (order is not { } c)
        {
            return null;
        }

        return op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            ">=" => c >= 0,
            _ => null,
        };
    }
}
