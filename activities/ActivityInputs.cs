using System.Collections;
using System.Globalization;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities;

/// <summary>
/// Reads a service task's variables the way every activity needs them. A missing or malformed input is a technical
/// failure of the process's design (an incident the CTI office fixes in the designer), not a business error.
/// </summary>
public static class ActivityInputs
{
    public static string RequiredString(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && value is string { Length: > 0 } text
            ? text
            : throw new InvalidOperationException($"The service task {context.ElementId} needs the text variable '{name}'.");

    public static string? OptionalString(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) ? value as string : null;

    /// <summary>A text, or a list of texts, as a list.</summary>
    public static IReadOnlyList<string> Strings(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value)
            ? value switch
            {
                string text => [text],
                IEnumerable list => list.Cast<object?>().Select(o => o?.ToString()).OfType<string>().ToList(),
                _ => throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' as a text or a list of texts."),
            }
            : throw new InvalidOperationException($"The service task {context.ElementId} needs the variable '{name}'.");

    /// <summary>The variable <c>projectId</c>, or else the business key, as a project id; null when neither is one.</summary>
    public static Guid? ProjectId(ActivityContext context) =>
        context.Variables.TryGetValue("projectId", out var value) && Guid.TryParse(value?.ToString(), out var id) ? id
        : Guid.TryParse(context.BusinessKey, out var key) ? key
        : null;

    /// <summary>The project id, required.</summary>
    public static Guid RequiredProjectId(ActivityContext context) =>
        ProjectId(context) ?? throw new InvalidOperationException($"The service task {context.ElementId} needs 'projectId' (or a project id as business key).");

    public static decimal? OptionalNumber(ActivityContext context, string name) =>
        context.Variables.TryGetValue(name, out var value) && value is not null
            ? Convert.ToDecimal(value, CultureInfo.InvariantCulture)
            : null;
}
