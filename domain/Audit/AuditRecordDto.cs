namespace Ctms.Domain.Audit;

/// <summary>An audit record as auditors read it.</summary>
public sealed record AuditRecordDto(long Sequence, DateTimeOffset Timestamp, string UserId, string? UserName, string Action,
    string EntityType, string EntityKey, string Field, string? OldValue, string? NewValue, string? Reason, string Hash)
{
    public static AuditRecordDto From(AuditRecord r) => new(r.Sequence, r.Timestamp, r.UserId, r.UserName, r.Action.ToString(),
        r.EntityType, r.EntityKey, r.Field, r.OldValue, r.NewValue, r.Reason, r.Hash);
}
