using System.Globalization;

namespace Ctms.Engine.Timers;

/// <summary>ISO 8601 instants for timers; a date-time without an offset is taken as UTC.</summary>
public static class IsoDate
{
    public static bool TryParse(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
        && text!.Trim().Length >= 10 && char.IsDigit(text.Trim()[0]);
}
