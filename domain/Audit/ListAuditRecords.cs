using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Audit;

/// <summary>A page of the audit trail, optionally for one entity, after a given sequence number (keyset paging).</summary>
public sealed record ListAuditRecords(string? EntityType, string? EntityKey, long? After, int Take) : IQuery<IReadOnlyList<AuditRecordDto>>, IValidatable
{
    public const int MaxTake = 500;

    public void Validate(Validator v) => v
        .Must(Take is > 0 and <= MaxTake, nameof(Take), $"Take must be between 1 and {MaxTake}.")
        .Optional(nameof(EntityType), EntityType, 128)
        .Optional(nameof(EntityKey), EntityKey, 256);
}

public sealed class ListAuditRecordsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListAuditRecords, IReadOnlyList<AuditRecordDto>>
{
    public async ValueTask<IReadOnlyList<AuditRecordDto>> Handle(ListAuditRecords query, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.ReadAudit, ct))
        {
            throw new ForbiddenException("Your role may not read the whole audit trail.");
        }
        var records = db.AuditRecords.AsNoTracking();
        if (query.EntityType is not null)
        {
            records = records.Where(r => r.EntityType == query.EntityType);
        }
        if (query.EntityKey is not null)
        {
            records = records.Where(r => r.EntityKey == query.EntityKey);
        }
        if (query.After is not null)
        {
            records = records.Where(r => r.Sequence > query.After);
        }
        var page = await records.OrderBy(r => r.Sequence).Take(query.Take).ToListAsync(ct);
        return page.ConvertAll(AuditRecordDto.From);
    }
}
