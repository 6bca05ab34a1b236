using System.Collections;
using System.Globalization;
using Ctms.Domain.Contracts;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Activities.Contracts;

/// <summary>Reads what the contract activities need from a task form's variables: budget lines (a form-js dynamic list) and ids.</summary>
public static class ContractInputs
{
    /// <summary>
    /// The budget lines of the list variable <paramref name="name"/>: each entry an object with kind, description,
    /// unitAmount and quantity. A malformed entry is passed on as it is, for the domain to refuse with the field named.
    /// </summary>
    public static IReadOnlyList<BudgetLineInput> Lines(ActivityContext context, string name)
    {
        if (!context.Variables.TryGetValue(name, out var value) || value is not IEnumerable list || value is string)
        {
            throw new InvalidOperationException($"The service task {context.ElementId} needs '{name}' as a list of budget lines.");
        }
        return list.Cast<object?>().Select(item => item is IReadOnlyDictionary<string, object?> line
                ? new BudgetLineInput(Text(line, "kind") ?? "", Text(line, "description") ?? "", Number(line, "unitAmount"), Number(line, "quantity"))
                : new BudgetLineInput("", "", 0, 0))
            .ToList();
    }

    /// <summary>The variable <c>amendmentId</c>, which <c>propose-amendment</c> writes.</summary>
    public static Guid AmendmentId(ActivityContext context) =>
        context.Variables.TryGetValue("amendmentId", out var value) && Guid.TryParse(value?.ToString(), out var id)
            ? id
            : throw new InvalidOperationException($"The service task {context.ElementId} needs 'amendmentId' (written by propose-amendment).");

    private static string? Text(IReadOnlyDictionary<string, object?> line, string key) =>
        line.TryGetValue(key, out var value) ? value?.ToString() : null;

    private static decimal Number(IReadOnlyDictionary<string, object?> line, string key) =>
        line.TryGetValue(key, out var value) && value is not null
            ? value is string text ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1
            : Convert.ToDecimal(value, CultureInfo.InvariantCulture)
            : 0;
}
