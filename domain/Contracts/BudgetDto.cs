namespace Ctms.Domain.Contracts;

/// <summary>A contract's budget now (the lines being drafted, or the effective revision's) and its history.</summary>
public sealed record BudgetDto(Guid ContractId, string Currency, string ContractStatus, int EffectiveRevision, decimal Total,
    IReadOnlyList<BudgetLineSnapshot> Lines, IReadOnlyList<BudgetRevisionDto> Revisions);

/// <summary>One effective revision with its lines and what changed against the previous one (none for revision 1).</summary>
public sealed record BudgetRevisionDto(int Number, DateOnly EffectiveFrom, string Reason, Guid? AmendmentId, decimal Total, decimal TotalChange,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<BudgetLineSnapshot> Lines, IReadOnlyList<BudgetLineChange> Changes);

/// <summary>A line added, removed or changed between two revisions; lines are matched by kind and description.</summary>
public sealed record BudgetLineChange(string Change, string Kind, string Description, BudgetLineSnapshot? Before, BudgetLineSnapshot? After, decimal TotalChange);
