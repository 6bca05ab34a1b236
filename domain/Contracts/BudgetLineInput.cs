namespace Ctms.Domain.Contracts;

/// <summary>
/// A budget line as a client or a form sends it: the kind as text (so an unknown kind is a field error, not a parse
/// failure), the unit amount and the quantity. A total is never taken from the client: <see cref="Budget"/> computes it.
/// </summary>
/// <param name="Kind">One of <see cref="BudgetLineKind"/>.</param>
/// <param name="Description">What the line pays for.</param>
/// <param name="UnitAmount">The amount per unit, 2 decimal places; for overhead the percentage (20 = 20 %).</param>
/// <param name="Quantity">Subjects, visits per subject × subjects, exams, or 1 for a fixed cost and for overhead.</param>
public sealed record BudgetLineInput(string Kind, string Description, decimal UnitAmount, decimal Quantity);
