using System.Globalization;

namespace Ctms.HospitalSim.Fhir;

/// <summary>
/// A FHIR date search value with its prefix (<c>ge2025-06-01</c>, <c>lt2026-01-01T08:00:00Z</c>): the value is the
/// range its precision covers, compared the way the FHIR search spec says.
/// </summary>
internal sealed record DateParam(string Prefix, DateTimeOffset Lower, DateTimeOffset Upper)
{
    private static readonly string[] Prefixes = ["eq", "ne", "ge", "gt", "le", "lt"];

    public static DateParam Parse(string name, string text)
    {
        var prefix = text.Length > 2 && Prefixes.Contains(text[..2]) ? text[..2] : "eq";
        var value = prefix == "eq" && !text.StartsWith("eq", StringComparison.Ordinal) ? text : text[2..];
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new DateParam(prefix, start, start.AddDays(1));
        }
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            return new DateParam(prefix, instant, instant.AddTicks(1));
        throw new SearchException($"Search parameter '{name}' has an invalid date '{text}' (expected yyyy-MM-dd or an instant, with an optional prefix ge, gt, le, lt, eq, ne).");
    }

    /// <summary>Whether a point in time matches.</summary>
    public bool Matches(DateTimeOffset value) => Matches(value, value.AddTicks(1));

    /// <summary>
    /// Whether a period [start, end) (end null = still open) matches, by the overlap rules of FHIR date search: ge and gt
    /// ask for some of it at or after the value's range start or end, le and lt for some of it before its end or start.
    /// </summary>
    public bool Matches(DateTimeOffset start, DateTimeOffset? end)
    {
        var stop = end ?? DateTimeOffset.MaxValue;
        return Prefix switch
        {
            "ge" => stop > Lower,
            "gt" => stop > Upper,
            "le" => start < Upper,
            "lt" => start < Lower,
            "ne" => !(start >= Lower && stop <= Upper),
            _ => start >= Lower && stop <= Upper,
        };
    }
}
