using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>Who is who for the people module: accounts by name, their global roles, and who may manage them.</summary>
internal static class PeopleDirectory
{
    public static readonly string[] InvestigatorRoles = [Roles.Pi, Roles.SubInvestigator];

    public static async Task<CtmsUser> FindAsync(CtmsDbContext db, string userName, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct)
               ?? throw new NotFoundException($"User '{userName.Trim()}' was not found.");
    }

    /// <summary>The user names holding any of the roles, with their display names.</summary>
    public static async Task<List<(string UserName, string DisplayName, string Role)>> InRolesAsync(CtmsDbContext db, IReadOnlyCollection<string> roles,
        CancellationToken ct)
    {
        var rows = await (from ur in db.UserRoles
                          join r in db.Roles on ur.RoleId equals r.Id
                          join u in db.Users on ur.UserId equals u.Id
                          where roles.Contains(r.Name!)
                          select new { u.UserName, u.DisplayName, r.Name }).ToListAsync(ct);
        return rows.ConvertAll(x => (x.UserName!, x.DisplayName, x.Name!));
    }

    public static async Task<bool> HoldsAnyAsync(CtmsDbContext db, string userId, IReadOnlyCollection<string> roles, CancellationToken ct) =>
        await (from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where ur.UserId == userId && roles.Contains(r.Name!)
               select ur).AnyAsync(ct);

    /// <summary>The user, who must hold the pi or sub-investigator role.</summary>
    public static async Task<CtmsUser> FindInvestigatorAsync(CtmsDbContext db, string userName, CancellationToken ct)
    {
        var user = await FindAsync(db, userName, ct);
        return await HoldsAnyAsync(db, user.Id, InvestigatorRoles, ct)
            ? user
            : throw new NotFoundException($"'{user.UserName}' is not an investigator (neither pi nor sub-investigator).");
    }

    public static async Task EnsureManagerAsync(ProjectAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.ManagePeople, ct))
        {
            throw new ForbiddenException("Only the CTI office manages people.");
        }
    }

    /// <summary>The person themselves, or the CTI office.</summary>
    public static async Task EnsureSelfOrManagerAsync(ProjectAccess access, ICurrentUser user, CtmsUser person, CancellationToken ct)
    {
        if (user.UserId != person.Id && !await access.CanEverywhereAsync(user.Access, ProjectActions.ManagePeople, ct))
        {
            throw new ForbiddenException("Only the person themselves or the CTI office may do this.");
        }
    }

    public static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
