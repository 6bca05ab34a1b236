using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>An investigator's profile, certificates and CVs: for the person and the CTI office.</summary>
public sealed record GetInvestigator(string UserName) : IQuery<InvestigatorDto>;

public sealed class GetInvestigatorHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetInvestigator, InvestigatorDto>
{
    public async ValueTask<InvestigatorDto> Handle(GetInvestigator query, CancellationToken ct)
    {
        var person = await PeopleDirectory.FindInvestigatorAsync(db, query.UserName, ct);
        await PeopleDirectory.EnsureSelfOrManagerAsync(access, user, person, ct);
        var userName = person.UserName!;
        var roles = (await PeopleDirectory.InRolesAsync(db, PeopleDirectory.InvestigatorRoles, ct))
            .Where(x => x.UserName == userName).Select(x => x.Role).Order(StringComparer.Ordinal).ToList();
        var profile = await db.InvestigatorProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserName == userName, ct);
        var certificates = await db.GcpCertificates.AsNoTracking().Where(c => c.UserName == userName).ToListAsync(ct);
        var cvs = await db.PersonFiles.AsNoTracking().Where(f => f.UserName == userName && f.Kind == PersonFileKind.Cv).ToListAsync(ct);
        var today = Qualification.Today(clock.GetUtcNow());
        return new InvestigatorDto(userName, person.DisplayName, roles, ToDto(profile),
            Qualification.StateOf(Qualification.Current(certificates, today), today),
            [.. certificates.OrderByDescending(c => c.ExpiresOn).ThenByDescending(c => c.Id).Select(GcpCertificateDto.From)],
            [.. cvs.OrderByDescending(f => f.Id).Select(PersonFileDto.From)]);
    }

    internal static InvestigatorProfileDto ToDto(InvestigatorProfile? p) =>
        new(p?.Title, p?.Department, p?.Specialty, p?.LicenceNumber, p?.Phone, p?.UpdatedAt);
}
