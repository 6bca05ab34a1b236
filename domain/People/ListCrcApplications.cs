using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>CRC applications, pending first, for the CTI office; optionally one status only.</summary>
public sealed record ListCrcApplications(CrcApplicationStatus? Status = null) : IQuery<IReadOnlyList<CrcApplicationDto>>;

public sealed class ListCrcApplicationsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListCrcApplications, IReadOnlyList<CrcApplicationDto>>
{
    public async ValueTask<IReadOnlyList<CrcApplicationDto>> Handle(ListCrcApplications query, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var applications = db.CrcApplications.AsNoTracking();
        if (query.Status is { } status)
        {
            applications = applications.Where(a => a.Status == status);
        }
        var list = await applications.ToListAsync(ct);
        return [.. list.OrderBy(a => a.Status).ThenByDescending(a => a.Id).Select(CrcApplicationDto.From)];
    }
}
