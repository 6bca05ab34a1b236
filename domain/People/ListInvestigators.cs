using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>Every investigator (pi, sub-investigator) with the state of their GCP qualification today: for the CTI office.</summary>
public sealed record ListInvestigators : IQuery<IReadOnlyList<InvestigatorSummaryDto>>;

public sealed class ListInvestigatorsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListInvestigators, IReadOnlyList<InvestigatorSummaryDto>>
{
    public async ValueTask<IReadOnlyList<InvestigatorSummaryDto>> Handle(ListInvestigators query, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var people = (await PeopleDirectory.InRolesAsync(db, PeopleDirectory.InvestigatorRoles, ct)).GroupBy(x => x.UserName).ToList();
        var names = people.Select(g => g.Key).ToList();
        var certificates = (await db.GcpCertificates.AsNoTracking().Where(c => names.Contains(c.UserName)).ToListAsync(ct)).ToLookup(c => c.UserName);
        var departments = await db.InvestigatorProfiles.AsNoTracking().Where(p => names.Contains(p.UserName))
            .ToDictionaryAsync(p => p.UserName, p => p.Department, ct);
        var today = Qualification.Today(clock.GetUtcNow());
        return [.. people.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var current = Qualification.Current(certificates[g.Key], today);
            return new InvestigatorSummaryDto(g.Key, g.First().DisplayName, [.. g.Select(x => x.Role).Order(StringComparer.Ordinal)],
                departments.GetValueOrDefault(g.Key), Qualification.StateOf(current, today), current?.ExpiresOn);
        })];
    }
}
