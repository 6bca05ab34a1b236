namespace Ctms.Domain.Audit;

/// <summary>What a walk of the audit chain found: intact, or the first record whose link is broken and why.</summary>
public sealed record AuditChainReport(bool Intact, long RecordsChecked, long? FirstBrokenSequence, string? Problem);
