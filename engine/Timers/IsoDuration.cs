using System.Globalization;
using System.Text.RegularExpressions;

namespace Ctms.Engine.Timers;

/// <summary>
/// An ISO 8601 duration (<c>P1Y2M3DT4H5M6.5S</c>, <c>P2W</c>) added to instants calendar-wise: a month after
/// 31 January is the last day of February, as a person would expect of "P1M".
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, int Hours, int Minutes, decimal Seconds)
{
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "PT" || text.Trim().EndsWith('T'))
        {
            return false;
        }
        int Part(string name) => match.Groups[name].Success ? int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) : 0m;
        duration = new IsoDuration(Part("y"), Part("mo"), Part("d") + 7 * Part("w"), Part("h"), Part("mi"), seconds);
        return true;
    }

    public static IsoDuration Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not an ISO 8601 duration such as P3D or PT2H.");

    public static IsoDuration FromTimeSpan(TimeSpan span) =>
        new(0, 0, span.Days, span.Hours, span.Minutes, span.Seconds + span.Milliseconds / 1000m);

    public DateTimeOffset AddTo(DateTimeOffset instant) =>
        instant.AddYears(Years).AddMonths(Months).AddDays(Days).AddHours(Hours).AddMinutes(Minutes).AddTicks((long)(Seconds * TimeSpan.TicksPerSecond));

    public bool IsZero => this == default;

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+(?:\.\d+)?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
