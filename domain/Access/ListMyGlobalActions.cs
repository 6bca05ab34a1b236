using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Access;

/// <summary>The actions the caller's global roles grant on every project; the studio builds its navigation from them.</summary>
public sealed record ListMyGlobalActions : IQuery<IReadOnlySet<string>>;

public sealed class ListMyGlobalActionsHandler(CtmsDbContext db, ICurrentUser user) : IQueryHandler<ListMyGlobalActions, IReadOnlySet<string>>
{
    public async ValueTask<IReadOnlySet<string>> Handle(ListMyGlobalActions query, CancellationToken ct)
    {
        var roles = user.Access.Roles.ToList();
        var actions = await db.AccessRules.AsNoTracking()
            .Where(r => r.Scope == AccessScope.AllProjects && roles.Contains(r.Role))
            .Select(r => r.Action).Distinct().ToListAsync(ct);
        return actions.ToHashSet(StringComparer.Ordinal);
    }
}
