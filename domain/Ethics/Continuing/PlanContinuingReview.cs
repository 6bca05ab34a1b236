using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>
/// P14's first step for a year of an approval: the cycle is due at the approval's end (its ValidUntil, or
/// <see cref="DueAt"/> when the starter gives it) and the PI is reminded <see cref="ReminderDays"/> days before. The
/// same approval always gives the same cycle, so a restarted process does not plan a second one.
/// </summary>
public sealed record PlanContinuingReview(Guid ProjectId, Guid DecisionId, DateTimeOffset? DueAt, int ReminderDays = PlanContinuingReview.DefaultReminderDays)
    : ICommand<ContinuingCycleDto>, IValidatable
{
    public const int DefaultReminderDays = 30;

    public void Validate(Validator v) => v.Must(ReminderDays is >= 0 and <= 365, nameof(ReminderDays), "The reminder comes 0 to 365 days before the due date.");
}

public sealed class PlanContinuingReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<PlanContinuingReview, ContinuingCycleDto>
{
    public async ValueTask<ContinuingCycleDto> Handle(PlanContinuingReview command, CancellationToken ct)
    {
        await Amendments.EthicsSteps.EnsureAnyAsync(access, user.Access, command.ProjectId, ct, ProjectActions.EthicsAdminister, ProjectActions.EthicsDecide);
        var existing = await db.ContinuingReviewCycles.SingleOrDefaultAsync(c => c.ApprovalDecisionId == command.DecisionId, ct);
        if (existing is not null)
        {
            return await ContinuingCycles.DtoAsync(db, existing, ct);
        }
        var approval = await (from d in db.EthicsDecisions.AsNoTracking()
                              join r in db.EthicsReviews.AsNoTracking() on d.ReviewId equals r.Id
                              where d.Id == command.DecisionId && d.ProjectId == command.ProjectId
                              select new { d.Outcome, d.ValidUntil, r.Kind }).SingleOrDefaultAsync(ct)
                       ?? throw new NotFoundException($"Ethics decision {command.DecisionId} of project {command.ProjectId} was not found.");
        if (approval.Outcome is not (EthicsOutcome.Approve or EthicsOutcome.ApproveWithModifications) || approval.Kind is not (ReviewKind.Initial or ReviewKind.Continuing))
        {
            throw new ConflictException($"A continuing review follows the approval of an application or of a yearly report, not a {approval.Kind} review decided '{approval.Outcome}'.");
        }
        var dueAt = command.DueAt ?? approval.ValidUntil
                    ?? throw new ConflictException("The approval has no end date (ValidUntil) and none was given: the continuing review has no due date.");
        var cycle = new ContinuingReviewCycle(command.ProjectId, command.DecisionId, dueAt, dueAt.AddDays(-command.ReminderDays), clock.GetUtcNow());
        db.ContinuingReviewCycles.Add(cycle);
        await db.SaveChangesAsync(ct);
        return await ContinuingCycles.DtoAsync(db, cycle, ct);
    }
}
