using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>P14's reminder: the PI was asked for the annual progress report (recorded once).</summary>
public sealed record RemindContinuingReview(Guid CycleId) : ICommand<ContinuingCycleDto>;

/// <summary>
/// P14 at the due date without a renewal: the approval lapsed (the ethics gate closes by itself, on the date). Recorded
/// once; a cycle already renewed records nothing.
/// </summary>
public sealed record RecordApprovalLapse(Guid CycleId) : ICommand<ContinuingCycleDto>;

public sealed class ContinuingTimerHandlers(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<RemindContinuingReview, ContinuingCycleDto>, ICommandHandler<RecordApprovalLapse, ContinuingCycleDto>
{
    public async ValueTask<ContinuingCycleDto> Handle(RemindContinuingReview command, CancellationToken ct)
    {
        var cycle = await ContinuingCycles.LoadAsync(db, access, user.Access, command.CycleId, ct, ProjectActions.EthicsAdminister, ProjectActions.EthicsDecide);
        cycle.Remind(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ContinuingCycles.DtoAsync(db, cycle, ct);
    }

    public async ValueTask<ContinuingCycleDto> Handle(RecordApprovalLapse command, CancellationToken ct)
    {
        var cycle = await ContinuingCycles.LoadAsync(db, access, user.Access, command.CycleId, ct, ProjectActions.EthicsAdminister, ProjectActions.EthicsDecide);
        cycle.Lapse(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ContinuingCycles.DtoAsync(db, cycle, ct);
    }
}
