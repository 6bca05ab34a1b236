namespace Ctms.Engine.Feel.Values;

/// <summary>The properties of temporal values and durations (d.year, t.hour, dur.days ...).</summary>
internal static class Properties
{
    public static object? Get(object? value, string name) => value switch
    {
        DateOnly d => DateProperty(d.ToDateTime(TimeOnly.MinValue), name),
        DateTime dt => DateProperty(dt, name) ?? TimeProperty(TimeOnly.FromDateTime(dt), name),
        DateTimeOffset dto => DateProperty(dto.DateTime, name) ?? TimeProperty(TimeOnly.FromDateTime(dto.DateTime), name)
            ?? (name == "time offset" ? dto.Offset : null),
        TimeOnly t => TimeProperty(t, name),
        TimeSpan ts => name switch
        {
            "days" => (decimal)ts.Days,
            "hours" => (decimal)ts.Hours,
            "minutes" => (decimal)ts.Minutes,
            "seconds" => (decimal)ts.Seconds,
            _ => null,
        },
        FeelYearsMonths ym => name switch
        {
            "years" => (decimal)ym.Years,
            "months" => (decimal)ym.Months,
            _ => null,
        },
        _ => null,
    };

    private static object? DateProperty(DateTime value, string name) => name switch
    {
        "year" => (decimal)value.Year,
        "month" => (decimal)value.Month,
        "day" => (decimal)value.Day,
        "weekday" => (decimal)(value.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)value.DayOfWeek),
        _ => null,
    };

    private static object? TimeProperty(TimeOnly value, string name) => name switch
    {
        "hour" => (decimal)value.Hour,
        "minute" => (decimal)value.Minute,
        "second" => value.Second + ((decimal)(value.Ticks % TimeSpan.TicksPerSecond) / TimeSpan.TicksPerSecond),
        _ => null,
    };
}
