using System.Globalization;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Ethics.Amendments;

/// <summary>The ethics steps' inputs and outputs: ids of reviews, cycles and decisions; dates as ISO 8601 UTC texts that FEEL's <c>date and time()</c> reads.</summary>
public static class EthicsInputs
{
    public static Guid RequiredId(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && Guid.TryParse(value?.ToString(), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' (an id).");

    public static DateTimeOffset? OptionalDate(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && value is not null && value.ToString() is { Length: > 0 } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? at
                : throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' as a date and time (ISO 8601).")
            : null;

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Date(DateTimeOffset? at) => at is { } value ? Date(value) : null;
}
