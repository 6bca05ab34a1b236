namespace Ctms.Engine.Feel.Values;

/// <summary>Classifies values of the value model and coerces list arguments.</summary>
internal static class Kinds
{
    public static FeelKind Of(object? value) => value switch
    {
        null => FeelKind.Null,
        bool => FeelKind.Boolean,
        decimal => FeelKind.Number,
        string => FeelKind.String,
        DateOnly => FeelKind.Date,
        TimeOnly => FeelKind.Time,
        DateTime => FeelKind.LocalDateTime,
        DateTimeOffset => FeelKind.ZonedDateTime,
        TimeSpan => FeelKind.DaysTime,
        FeelYearsMonths => FeelKind.YearsMonths,
        IReadOnlyList<object?> => FeelKind.List,
        IReadOnlyDictionary<string, object?> => FeelKind.Context,
        _ => FeelKind.Unknown,
    };

    /// <summary>A list as is, null as null, any other value as a singleton list (FEEL's implicit conversion).</summary>
    public static IReadOnlyList<object?>? AsList(object? value) => value switch
    {
        null => null,
        IReadOnlyList<object?> list => list,
        _ => [value],
    };

    public static bool IsInteger(decimal value) => value == decimal.Truncate(value);

    /// <summary>The value as an int when it is a whole number in range.</summary>
    public static bool TryInt(object? value, out int result)
    {
        result = 0;
        if (value is not decimal d || !IsInteger(d) || d < int.MinValue || d > int.MaxValue)
        {
            return false;
        }

        result = (int)d;
        return true;
    }
}
