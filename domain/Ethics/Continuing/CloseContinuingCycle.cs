using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>
/// P14 after the committee's decision on the yearly report: an approval renews the cycle (the decision's ValidUntil is
/// the next due date, and the next cycle continues it); any other outcome leaves it open for a revised report.
/// </summary>
public sealed record CloseContinuingCycle(Guid CycleId, Guid DecisionId) : ICommand<ContinuingCycleOutcomeDto>;

/// <summary>Whether the approval was renewed, and until when.</summary>
public sealed record ContinuingCycleOutcomeDto(ContinuingCycleDto Cycle, bool Renewed, string Outcome, DateTimeOffset? NextDueAt);

public sealed class CloseContinuingCycleHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<CloseContinuingCycle, ContinuingCycleOutcomeDto>
{
    public async ValueTask<ContinuingCycleOutcomeDto> Handle(CloseContinuingCycle command, CancellationToken ct)
    {
        var cycle = await ContinuingCycles.LoadAsync(db, access, user.Access, command.CycleId, ct, ProjectActions.EthicsDecide, ProjectActions.EthicsAdminister);
        var decision = await db.EthicsDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.DecisionId, ct)
                       ?? throw new NotFoundException($"Ethics decision {command.DecisionId} was not found.");
        if (cycle.ReviewId is null || decision.ReviewId != cycle.ReviewId)
        {
            throw new ConflictException("That decision is not on this year's continuing review.");
        }
        if (decision.Approves && !cycle.Renewed)
        {
            cycle.Renew(decision.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return new ContinuingCycleOutcomeDto(await ContinuingCycles.DtoAsync(db, cycle, ct), cycle.Renewed, decision.Outcome.ToString(),
            decision.Approves ? decision.ValidUntil : null);
    }
}
