using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>
/// Every CRC with their active assignments (project, since when, until when): the CTI office's and the PIs' view for
/// choosing whom to assign. Subject and visit counts join it when those modules arrive.
/// </summary>
public sealed record ListCrcWorkload : IQuery<IReadOnlyList<CrcWorkloadDto>>;

public sealed class ListCrcWorkloadHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListCrcWorkload, IReadOnlyList<CrcWorkloadDto>>
{
    public async ValueTask<IReadOnlyList<CrcWorkloadDto>> Handle(ListCrcWorkload query, CancellationToken ct)
    {
        if (!user.Access.IsInRole(Roles.Pi))
        {
            await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        }
        var crcs = await PeopleDirectory.InRolesAsync(db, [Roles.Crc], ct);
        var memberships = await (from m in db.ProjectMemberships
                                 join u in db.Users on m.UserId equals u.Id
                                 join p in db.Projects on m.ProjectId equals p.Id
                                 where m.Role == Roles.Crc && m.RevokedAt == null
                                 select new { Membership = m, u.UserName, p.ProtocolNumber, p.Title }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var active = memberships.Where(x => x.Membership.IsActiveAt(now)).ToLookup(x => x.UserName!);
        return [.. crcs.OrderBy(c => c.UserName, StringComparer.Ordinal).Select(c =>
        {
            var assignments = active[c.UserName]
                .OrderBy(x => x.ProtocolNumber, StringComparer.Ordinal)
                .Select(x => new CrcAssignmentDto(x.Membership.Id, x.Membership.ProjectId, x.ProtocolNumber, x.Title, x.Membership.ValidFrom, x.Membership.ValidUntil))
                .ToList();
            return new CrcWorkloadDto(c.UserName, c.DisplayName, assignments.Select(a => a.ProjectId).Distinct().Count(), assignments);
        })];
    }
}
