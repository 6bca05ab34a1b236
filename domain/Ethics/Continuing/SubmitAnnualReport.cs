using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Continuing;

/// <summary>
/// The PI's annual progress report (P14): subjects enrolled so far, SAEs, deviations and a summary. It opens a review of
/// kind Continuing, due at the cycle's due date, for the committee that approved the study.
/// </summary>
public sealed record SubmitAnnualReport(Guid CycleId, int EnrolledSoFar, int SaeCount, int DeviationCount, string Summary)
    : ICommand<ContinuingCycleDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(EnrolledSoFar >= 0, nameof(EnrolledSoFar), "The number of subjects enrolled is 0 or more.")
        .Must(SaeCount >= 0, nameof(SaeCount), "The number of SAEs is 0 or more.")
        .Must(DeviationCount >= 0, nameof(DeviationCount), "The number of deviations is 0 or more.")
        .Required(nameof(Summary), Summary, ContinuingReviewCycle.SummaryMax);
}

public sealed class SubmitAnnualReportHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitAnnualReport, ContinuingCycleDto>
{
    public async ValueTask<ContinuingCycleDto> Handle(SubmitAnnualReport command, CancellationToken ct)
    {
        var cycle = await ContinuingCycles.LoadAsync(db, access, user.Access, command.CycleId, ct, ProjectActions.EthicsSubmit);
        var committeeId = await (from d in db.EthicsDecisions.AsNoTracking()
                                 join r in db.EthicsReviews.AsNoTracking() on d.ReviewId equals r.Id
                                 where d.Id == cycle.ApprovalDecisionId
                                 select r.CommitteeId).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var reporter = user.UserName ?? user.UserId;
        var summary = command.Summary.Trim();
        var review = new EthicsReview(cycle.ProjectId, committeeId, ReviewKind.Continuing,
            $"Continuing review due {cycle.DueAt.UtcDateTime:yyyy-MM-dd}",
            $"Enrolled so far: {command.EnrolledSoFar}; SAEs: {command.SaeCount}; deviations: {command.DeviationCount}.\n{summary}", reporter, now)
        {
            DueAt = cycle.DueAt,
            Reference = $"CR-{cycle.DueAt.UtcDateTime:yyyy}",
        };
        db.EthicsReviews.Add(review);
        cycle.Report(reporter, command.EnrolledSoFar, command.SaeCount, command.DeviationCount, summary, review.Id, now);
        await db.SaveChangesAsync(ct);
        return await ContinuingCycles.DtoAsync(db, cycle, ct);
    }
}
