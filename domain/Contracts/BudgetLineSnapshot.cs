namespace Ctms.Domain.Contracts;

/// <summary>A computed budget line: what revisions and amendments keep (as JSON) and what the API shows.</summary>
public sealed record BudgetLineSnapshot(string Kind, string Description, decimal UnitAmount, decimal Quantity, decimal Total);
