using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>
/// Who, on which project, holds the pi or sub-investigator role today with a GCP certificate that has expired, expires
/// within <see cref="Qualification.WarningDays"/> days, or is missing: the CTI office's list to chase.
/// </summary>
public sealed record ListQualificationWarnings : IQuery<IReadOnlyList<QualificationWarningDto>>;

public sealed class ListQualificationWarningsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<ListQualificationWarnings, IReadOnlyList<QualificationWarningDto>>
{
    public async ValueTask<IReadOnlyList<QualificationWarningDto>> Handle(ListQualificationWarnings query, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var roles = PeopleDirectory.InvestigatorRoles;
        var members = await (from m in db.ProjectMemberships
                             join u in db.Users on m.UserId equals u.Id
                             join p in db.Projects on m.ProjectId equals p.Id
                             where roles.Contains(m.Role) && m.RevokedAt == null
                             select new { Membership = m, u.UserName, p.ProtocolNumber, p.Title }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var active = members.Where(x => x.Membership.IsActiveAt(now)).ToList();
        var names = active.Select(x => x.UserName!).Distinct().ToList();
        var certificates = (await db.GcpCertificates.AsNoTracking().Where(c => names.Contains(c.UserName)).ToListAsync(ct)).ToLookup(c => c.UserName);
        var today = Qualification.Today(now);
        var warnings = new List<QualificationWarningDto>();
        foreach (var x in active)
        {
            var current = Qualification.Current(certificates[x.UserName!], today);
            var state = Qualification.StateOf(current, today);
            if (state != QualificationState.Valid)
            {
                warnings.Add(new QualificationWarningDto(x.UserName!, x.Membership.Role, x.Membership.ProjectId, x.ProtocolNumber, x.Title, state,
                    current?.CertificateNumber, current?.ExpiresOn));
            }
        }
        return [.. warnings.OrderBy(w => w.ExpiresOn ?? DateOnly.MinValue).ThenBy(w => w.UserName, StringComparer.Ordinal).ThenBy(w => w.ProtocolNumber, StringComparer.Ordinal)];
    }
}
