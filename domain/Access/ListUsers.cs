using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Access;

/// <summary>Every account with its global roles, for administrators.</summary>
public sealed record ListUsers : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListUsersHandler(CtmsDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<ListUsers, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsers query, CancellationToken ct)
    {
        if (!user.Access.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only an administrator may list accounts.");
        }
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        var now = clock.GetUtcNow();
        return accounts.ConvertAll(u => new UserDto(u.Id, u.UserName!, u.DisplayName, u.Email, [.. byUser[u.Id].Order(StringComparer.Ordinal)],
            u.LockoutEnd > now, u.MustChangePassword));
    }
}
