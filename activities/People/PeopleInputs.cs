using System.Globalization;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.People;

/// <summary>The dates and ids the people activities read: forms write dates as <c>yyyy-MM-dd</c> text, FEEL as dates.</summary>
internal static class PeopleInputs
{
    public static DateOnly RequiredDate(ActivityContext context, string name) =>
        OptionalDate(context, name) ?? throw new InvalidOperationException($"The service task {context.ElementId} needs the date variable '{name}'.");

    public static DateOnly? OptionalDate(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value)
            ? value switch
            {
                null or "" => null,
                DateOnly date => date,
                DateTime dateTime => DateOnly.FromDateTime(dateTime),
                DateTimeOffset instant => DateOnly.FromDateTime(instant.UtcDateTime),
                string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) => parsed,
                string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) =>
                    DateOnly.FromDateTime(parsed.UtcDateTime),
                _ => throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' as a date (yyyy-MM-dd)."),
            }
            : null;

    /// <summary>A date as the instant it begins (UTC), for a membership's period.</summary>
    public static DateTimeOffset? OptionalStartOfDay(ActivityContext context, string name) =>
        OptionalDate(context, name) is { } date ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    public static Guid RequiredGuid(ActivityContext context, string name) =>
        OptionalGuid(context, name) ?? throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' as an id.");

    public static Guid? OptionalGuid(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;

    /// <summary>The variable, else the business key, as an id (a CRC application's process is keyed by the application).</summary>
    public static Guid GuidOrBusinessKey(ActivityContext context, string name) =>
        OptionalGuid(context, name) ?? (Guid.TryParse(context.BusinessKey, out var key) ? key
            : throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' (or an id as business key)."));
}
