using System.Globalization;
using System.Text.RegularExpressions;

namespace Ctms.Engine.Feel.Values;

/// <summary>Parses the ISO 8601 text of FEEL dates, times, date-times and durations; null when invalid.</summary>
internal static partial class TemporalText
{
    private const int MaxLength = 100;

    public static DateOnly? ParseDate(string text)
    {
        var m = text.Length <= MaxLength ? DatePattern().Match(text) : Match.Empty;
        return m.Success ? MakeDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value) : null;
    }

    /// <summary>A local time; a time with an offset or zone has no place in the value model and gives null.</summary>
    public static TimeOnly? ParseTime(string text)
    {
        var m = text.Length <= MaxLength ? TimePattern().Match(text) : Match.Empty;
        if (!m.Success || m.Groups["z"].Success)
        {
            return null;
        }

        return MakeTime(m.Groups["h"].Value, m.Groups["mi"].Value, m.Groups["s"].Value, m.Groups["f"].Value);
    }

    /// <summary>A DateTime (local) or DateTimeOffset (with offset or zone id); a plain date gives local midnight.</summary>
    public static object? ParseDateTime(string text)
    {
        if (ParseDate(text) is { } dateOnly)
        {
            return dateOnly.ToDateTime(TimeOnly.MinValue);
        }

        var m = text.Length <= MaxLength ? DateTimePattern().Match(text) : Match.Empty;
        if (!m.Success
            || MakeDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value) is not { } date
            || MakeTime(m.Groups["h"].Value, m.Groups["mi"].Value, m.Groups["s"].Value, m.Groups["f"].Value) is not { } time)
        {
            return null;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return m.Groups["z"].Success ? WithZone(local, m.Groups["z"].Value) : (object)local;
    }

    /// <summary>A TimeSpan (days and time) or FeelYearsMonths (years and months); a mix of both gives null.</summary>
    public static object? ParseDuration(string text)
    {
        var m = text.Length <= MaxLength ? DurationPattern().Match(text) : Match.Empty;
        if (!m.Success)
        {
            return null;
        }

        var negative = m.Groups["neg"].Success;
        var hasYearsMonths = m.Groups["Y"].Success || m.Groups["M"].Success;
        var hasDaysTime = m.Groups["W"].Success || m.Groups["D"].Success || m.Groups["H"].Success
            || m.Groups["MI"].Success || m.Groups["S"].Success;
        if (hasYearsMonths == hasDaysTime)
        {
            return null;
        }

        try
        {
            if (hasYearsMonths)
            {
                var months = checked((Part(m, "Y") * 12) + Part(m, "M"));
                return new FeelYearsMonths(checked((int)(negative ? -months : months)));
            }

            var seconds = (((((Part(m, "W") * 7) + Part(m, "D")) * 24) + Part(m, "H")) * 60 + Part(m, "MI")) * 60 + Part(m, "S");
            var ticks = decimal.Round(seconds * TimeSpan.TicksPerSecond);
            return ticks > TimeSpan.MaxValue.Ticks ? null : new TimeSpan((long)(negative ? -ticks : ticks));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal Part(Match m, string group) =>
        m.Groups[group].Success ? decimal.Parse(m.Groups[group].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0m;

    private static DateOnly? MakeDate(string year, string month, string day)
    {
        if (!int.TryParse(year, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y) || y < 1 || y > 9999)
        {
            return null;
        }

        var mo = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    private static TimeOnly? MakeTime(string hour, string minute, string second, string fraction)
    {
        var h = int.Parse(hour, CultureInfo.InvariantCulture);
        var mi = int.Parse(minute, CultureInfo.InvariantCulture);
        var s = int.Parse(second, CultureInfo.InvariantCulture);
        if (h > 23 || mi > 59 || s > 59)
        {
            return null;
        }

        var digits = fraction.Length > 1 ? fraction[1..].PadRight(7, '0')[..7] : "0";
        var ticks = long.Parse(digits, CultureInfo.InvariantCulture);
        return new TimeOnly(new TimeSpan(h, mi, s).Ticks + ticks);
    }

    private static DateTimeOffset? WithZone(DateTime local, string zone)
    {
        if (zone is "Z" or "z")
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (zone[0] is '+' or '-')
        {
            var offset = new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[4..6], CultureInfo.InvariantCulture), 0);
            return offset.TotalHours > 14 ? null : new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone[1..], out var tz))
        {
            return null;
        }

        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    [GeneratedRegex(@"^(?<y>-?[0-9]{4,9})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?<f>\.[0-9]+)?(?<z>Z|[+-][0-9]{2}:[0-9]{2}|@[A-Za-z0-9_/+\-]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<y>-?[0-9]{4,9})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})T(?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(?<f>\.[0-9]+)?(?<z>[Zz]|[+-][0-9]{2}:[0-9]{2}|@[A-Za-z0-9_/+\-]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^(?<neg>-)?P(?!\z)(?:(?<Y>[0-9]+)Y)?(?:(?<M>[0-9]+)M)?(?:(?<W>[0-9]+)W)?(?:(?<D>[0-9]+)D)?(?:T(?=[0-9])(?:(?<H>[0-9]+)H)?(?:(?<MI>[0-9]+)M)?(?:(?<S>[0-9]+(?:\.[0-9]+)?)S)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
