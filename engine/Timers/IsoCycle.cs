using System.Globalization;

namespace Ctms.Engine.Timers;

/// <summary>An ISO 8601 repeating interval: <c>R3/PT10M</c>, <c>R/P1D</c> (unbounded), <c>R2/2026-01-01T08:00:00Z/P1D</c>.</summary>
public sealed record IsoCycle(int? Repetitions, DateTimeOffset? Start, IsoDuration Interval)
{
    public static bool TryParse(string? text, out IsoCycle? cycle)
    {
        cycle = null;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 2 or 3 } || !parts[0].StartsWith('R'))
        {
            return false;
        }
        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r < 1)
            {
                return false;
            }
            repetitions = r;
        }
        DateTimeOffset? start = null;
        if (parts.Length == 3)
        {
            if (!IsoDate.TryParse(parts[1], out var s))
            {
                return false;
            }
            start = s;
        }
        if (!IsoDuration.TryParse(parts[^1], out var interval) || interval.IsZero)
        {
            return false;
        }
        cycle = new IsoCycle(repetitions, start, interval);
        return true;
    }

    /// <summary>The first due time of the cycle, counted from <paramref name="now"/> unless it has a start.</summary>
    public DateTimeOffset FirstDue(DateTimeOffset now) => Start ?? Interval.AddTo(now);
}
