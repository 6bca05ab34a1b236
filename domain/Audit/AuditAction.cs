namespace Ctms.Domain.Audit;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
}
