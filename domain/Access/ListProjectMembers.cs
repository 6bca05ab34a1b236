using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Access;

/// <summary>A project's delegation log: current, future, expired and revoked memberships.</summary>
public sealed record ListProjectMembers(Guid ProjectId) : IQuery<IReadOnlyList<MembershipDto>>;

public sealed class ListProjectMembersHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListProjectMembers, IReadOnlyList<MembershipDto>>
{
    public async ValueTask<IReadOnlyList<MembershipDto>> Handle(ListProjectMembers query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        var rows = await (from m in db.ProjectMemberships.AsNoTracking()
                          join u in db.Users on m.UserId equals u.Id
                          where m.ProjectId == query.ProjectId
                          orderby u.UserName, m.Role
                          select new { Membership = m, u.UserName }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.ConvertAll(r => ToDto(r.Membership, r.UserName, now));
    }

    internal static MembershipDto ToDto(ProjectMembership m, string? userName, DateTimeOffset now) =>
        new(m.Id, m.ProjectId, m.UserId, userName, m.Role, m.ValidFrom, m.ValidUntil, m.RevokedAt, m.IsActiveAt(now));
}
