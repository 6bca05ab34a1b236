namespace Ctms.Domain.Audit;

/// <summary>
/// Marks an entity whose every insert, update and delete is written to the audit trail, field by field,
/// in the same transaction as the change.
/// </summary>
public interface IAudited;
