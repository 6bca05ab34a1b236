using System.Globalization;
using System.Text;

namespace Ctms.Engine.Feel.Values;

/// <summary>The text forms of FEEL values: ISO 8601 for temporals, plain decimals for numbers.</summary>
internal static class FeelFormat
{
    /// <summary>A decimal without trailing zeros, e.g. 1.50 gives "1.5".</summary>
    public static string Number(decimal value) =>
        Trim(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The decimal with trailing fractional zeros removed (same value, smallest scale).</summary>
    public static decimal Trim(decimal value) => value / 1.000000000000000000000000000000000m;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) =>
        value.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(value.Ticks % TimeSpan.TicksPerSecond);

    public static string LocalDateTime(DateTime value) =>
        Date(DateOnly.FromDateTime(value)) + "T" + Time(TimeOnly.FromDateTime(value));

    public static string ZonedDateTime(DateTimeOffset value)
    {
        var offset = value.Offset;
        var zone = offset == TimeSpan.Zero
            ? "Z"
            : (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return LocalDateTime(value.DateTime) + zone;
    }

    /// <summary>A days-and-time duration, e.g. P1DT2H30M, -PT0.5S or PT0S.</summary>
    public static string DaysTime(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "PT0S";
        }

        var ticks = value.Ticks;
        var text = new StringBuilder(ticks < 0 ? "-P" : "P");
        var abs = ticks == long.MinValue ? TimeSpan.MaxValue : value.Duration();
        if (abs.Days > 0)
        {
            text.Append(abs.Days.ToString(CultureInfo.InvariantCulture)).Append('D');
        }

        var fraction = abs.Ticks % TimeSpan.TicksPerSecond;
        if (abs.Hours > 0 || abs.Minutes > 0 || abs.Seconds > 0 || fraction > 0)
        {
            text.Append('T');
            Append(text, abs.Hours, 'H');
            Append(text, abs.Minutes, 'M');
            if (abs.Seconds > 0 || fraction > 0)
            {
                text.Append(abs.Seconds.ToString(CultureInfo.InvariantCulture)).Append(Fraction(fraction)).Append('S');
            }
        }

        return text.ToString();
    }

    /// <summary>The ISO 8601 text of a temporal value; null for other values.</summary>
    public static string? Iso(object? value) => value switch
    {
        DateOnly d => Date(d),
        TimeOnly t => Time(t),
        DateTime dt => LocalDateTime(dt),
        DateTimeOffset dto => ZonedDateTime(dto),
        TimeSpan ts => DaysTime(ts),
        FeelYearsMonths ym => ym.ToString(),
        _ => null,
    };

    private static void Append(StringBuilder text, int amount, char unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    private static string Fraction(long ticks) =>
        ticks == 0 ? string.Empty : "." + ticks.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
}
