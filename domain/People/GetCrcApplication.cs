using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.People;

/// <summary>One CRC application, for the CTI office.</summary>
public sealed record GetCrcApplication(Guid ApplicationId) : IQuery<CrcApplicationDto>;

public sealed class GetCrcApplicationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<GetCrcApplication, CrcApplicationDto>
{
    public async ValueTask<CrcApplicationDto> Handle(GetCrcApplication query, CancellationToken ct)
    {
        await PeopleDirectory.EnsureManagerAsync(access, user, ct);
        var application = await db.CrcApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == query.ApplicationId, ct)
                          ?? throw new NotFoundException($"CRC application {query.ApplicationId} was not found.");
        return CrcApplicationDto.From(application);
    }
}
