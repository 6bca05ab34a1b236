namespace Ctms.Domain.Audit;

/// <summary>
/// One field of one change, append-only and hash-chained: <see cref="Hash"/> covers this record's content
/// and <see cref="PreviousHash"/>, so an edited, removed or reordered record breaks every link after it.
/// </summary>
public sealed class AuditRecord
{
    public const int FieldValueMax = 4000;

    private AuditRecord() { }

    internal AuditRecord(Guid changeSetId, DateTimeOffset timestamp, string userId, string? userName,
        AuditAction action, string entityType, string entityKey, string field, string? oldValue, string? newValue, string? reason)
    {
        ChangeSetId = changeSetId;
        Timestamp = timestamp;
        UserId = userId;
        UserName = userName;
        Action = action;
        EntityType = entityType;
        EntityKey = entityKey;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        Reason = reason;
    }

    /// <summary>Position in the chain, starting at 1 with no gaps.</summary>
    public long Sequence { get; private set; }

    /// <summary>Groups the records written by one save.</summary>
    public Guid ChangeSetId { get; private set; }

    public DateTimeOffset Timestamp { get; private set; }
    public string UserId { get; private set; } = "";
    public string? UserName { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityKey { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Reason { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    internal void Seal(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditHasher.Compute(this);
    }
}
