using System.Globalization;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>Temporal constructors and functions; now() and today() read the evaluation's clock.</summary>
internal static class TemporalFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("date", ["from"], (a, _) => ToDate(a[0]));
        r.Add("date", ["year", "month", "day"], (a, _) => MakeDate(a[0], a[1], a[2]));
        r.Add("time", ["from"], (a, _) => ToTime(a[0]));
        r.Add("time", ["hour", "minute", "second", "offset"], (a, _) => MakeTime(a[0], a[1], a[2], Args.At(a, 3)), required: 3);
        r.Add("date and time", ["from"], (a, _) => ToDateTime(a[0]));
        r.Add("date and time", ["date", "time"], (a, _) => ToDate(a[0]) is DateOnly d && a[1] is TimeOnly t ? d.ToDateTime(t) : null);
        r.Add("duration", ["from"], (a, _) => a[0] is string s ? TemporalText.ParseDuration(s) : null);
        r.Add("years and months duration", ["from", "to"], (a, _) => Between(a[0], a[1]));
        r.Add("now", [], (_, s) => s.Now);
        r.Add("today", [], (_, s) => DateOnly.FromDateTime(s.Now.DateTime));
        r.Add("day of week", ["date"], (a, _) => ToDate(a[0])?.DayOfWeek.ToString());
        r.Add("day of year", ["date"], (a, _) => ToDate(a[0]) is DateOnly d ? (decimal)d.DayOfYear : null);
        r.Add("month of year", ["date"], (a, _) => ToDate(a[0]) is DateOnly d ? CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(d.Month) : null);
        r.Add("week of year", ["date"], (a, _) => ToDate(a[0]) is DateOnly d ? (decimal)ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)) : null);
    }

    private static DateOnly? ToDate(object? value) => value switch
    {
        string s => TemporalText.ParseDate(s),
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime),
        _ => null,
    };

    private static TimeOnly? ToTime(object? value) => value switch
    {
        string s => TemporalText.ParseTime(s),
        TimeOnly t => t,
        DateOnly => TimeOnly.MinValue,
        DateTime dt => TimeOnly.FromDateTime(dt),
        DateTimeOffset dto => TimeOnly.FromDateTime(dto.DateTime),
        _ => null,
    };

    private static object? ToDateTime(object? value) => value switch
    {
        string s => TemporalText.ParseDateTime(s),
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime or DateTimeOffset => value,
        _ => null,
    };

    private static DateOnly? MakeDate(object? year, object? month, object? day)
    {
        if (!Kinds.TryInt(year, out var y) || !Kinds.TryInt(month, out var m) || !Kinds.TryInt(day, out var d)
            || y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateOnly(y, m, d);
    }

    /// <summary>time(hour, minute, second); an offset cannot be kept in the value model, so it gives null.</summary>
    private static TimeOnly? MakeTime(object? hour, object? minute, object? second, object? offset)
    {
        if (offset is not null || !Kinds.TryInt(hour, out var h) || !Kinds.TryInt(minute, out var m) || second is not decimal s
            || h is < 0 or > 23 || m is < 0 or > 59 || s < 0 || s >= 60)
        {
            return null;
        }

        return new TimeOnly(new TimeSpan(h, m, 0).Ticks + (long)(s * TimeSpan.TicksPerSecond));
    }

    /// <summary>The whole months from one date (or date-time) to another, e.g. 2011-12-22 to 2013-08-24 is P1Y8M.</summary>
    private static FeelYearsMonths? Between(object? from, object? to)
    {
        if (Wall(from) is not { } a || Wall(to) is not { } b)
        {
            return null;
        }

        var months = ((b.Year - a.Year) * 12) + b.Month - a.Month;
        var rest = (b.Day, b.TimeOfDay).CompareTo((a.Day, a.TimeOfDay));
        if (months > 0 && rest < 0)
        {
            months--;
        }
        else if (months < 0 && rest > 0)
        {
            months++;
        }

        return new FeelYearsMonths(months);
    }

    private static DateTime? Wall(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTime dt => dt,
        DateTimeOffset dto => dto.DateTime,
        _ => null,
    };
}
