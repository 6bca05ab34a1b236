using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.KickOff;

/// <summary>A project's kick-off: meeting, participants, training, and what still stands in the way of the sign-off.</summary>
public sealed record GetKickOff(Guid ProjectId) : IQuery<KickOffDto>;

public sealed class GetKickOffHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetKickOff, KickOffDto>
{
    public async ValueTask<KickOffDto> Handle(GetKickOff query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        return (await KickOffSnapshot.LoadAsync(db, query.ProjectId, clock.GetUtcNow(), ct, tracked: false)).ToDto();
    }
}
