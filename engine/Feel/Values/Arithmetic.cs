namespace Ctms.Engine.Feel.Values;

/// <summary>FEEL arithmetic on numbers, strings, temporals and durations; null for type errors and overflow.</summary>
internal static class Arithmetic
{
    public static object? Add(object? a, object? b) => Guard(() => (a, b) switch
    {
        (decimal x, decimal y) => x + y,
        (string x, string y) => ValueLimits.CheckString(x + y),
        (TimeSpan x, TimeSpan y) => x + y,
        (FeelYearsMonths x, FeelYearsMonths y) => new FeelYearsMonths(checked(x.TotalMonths + y.TotalMonths)),
        (TimeSpan or FeelYearsMonths, DateOnly or DateTime or DateTimeOffset or TimeOnly) => Add(b, a),
        (_, TimeSpan d) => Shift(a, d),
        (_, FeelYearsMonths d) => ShiftMonths(a, d.TotalMonths),
        _ => null,
    });

    public static object? Subtract(object? a, object? b) => Guard(() => (a, b) switch
    {
        (decimal x, decimal y) => x - y,
        (TimeSpan x, TimeSpan y) => x - y,
        (FeelYearsMonths x, FeelYearsMonths y) => new FeelYearsMonths(checked(x.TotalMonths - y.TotalMonths)),
        (DateOnly x, DateOnly y) => TimeSpan.FromDays(x.DayNumber - y.DayNumber),
        (DateTime x, DateTime y) => x - y,
        (DateTimeOffset x, DateTimeOffset y) => x - y,
        (TimeOnly x, TimeOnly y) => x.ToTimeSpan() - y.ToTimeSpan(),
        (_, TimeSpan d) => Shift(a, -d),
        (_, FeelYearsMonths d) => ShiftMonths(a, checked(-d.TotalMonths)),
        _ => null,
    });

    public static object? Multiply(object? a, object? b) => Guard(() => (a, b) switch
    {
        (decimal x, decimal y) => x * y,
        (TimeSpan x, decimal y) => Scale(x, y),
        (decimal x, TimeSpan y) => Scale(y, x),
        (FeelYearsMonths x, decimal y) => new FeelYearsMonths(checked((int)decimal.Truncate(x.TotalMonths * y))),
        (decimal x, FeelYearsMonths y) => new FeelYearsMonths(checked((int)decimal.Truncate(y.TotalMonths * x))),
        _ => null,
    });

    public static object? Divide(object? a, object? b) => Guard(() => (a, b) switch
    {
        (_, decimal y) when y == 0 => null,
        (decimal x, decimal y) => x / y,
        (TimeSpan x, decimal y) => new TimeSpan((long)decimal.Round(x.Ticks / y)),
        (FeelYearsMonths x, decimal y) => new FeelYearsMonths(checked((int)decimal.Truncate(x.TotalMonths / y))),
        (TimeSpan x, TimeSpan y) => y == TimeSpan.Zero ? null : (decimal)x.Ticks / y.Ticks,
        (FeelYearsMonths x, FeelYearsMonths y) => y.TotalMonths == 0 ? null : (decimal)x.TotalMonths / y.TotalMonths,
        _ => null,
    });

    public static object? Power(object? a, object? b) => Guard(() => (a, b) switch
    {
        (decimal x, decimal y) => DecimalMath.Power(x, y),
        _ => null,
    });

    public static object? Negate(object? a) => Guard(() => a switch
    {
        decimal x => -x,
        TimeSpan x => x.Negate(),
        FeelYearsMonths x => new FeelYearsMonths(checked(-x.TotalMonths)),
        _ => null,
    });

    private static object? Shift(object? a, TimeSpan d) => a switch
    {
        DateOnly x => DateOnly.FromDateTime(x.ToDateTime(TimeOnly.MinValue) + d),
        DateTime x => x + d,
        DateTimeOffset x => x + d,
        TimeOnly x => x.Add(d),
        _ => null,
    };

    private static object? ShiftMonths(object? a, int months) => a switch
    {
        DateOnly x => x.AddMonths(months),
        DateTime x => x.AddMonths(months),
        DateTimeOffset x => x.AddMonths(months),
        _ => null,
    };

    private static TimeSpan Scale(TimeSpan span, decimal factor) =>
        new((long)decimal.Round(span.Ticks * factor));

    /// <summary>Runs an operation, turning overflow and out-of-range results into null.</summary>
    private static object? Guard(Func<object?> operation)
    {
        try
        {
            return operation();
        }
        catch (OverflowException)
        {
            return null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
