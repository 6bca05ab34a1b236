using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// A review goes to the full board: the secretary chooses that track in the formal review (P06), or the chair refers an
/// expedited review to it (P07). The review becomes AwaitingMeeting; the next meeting of its committee takes it into
/// its agenda (P08).
/// </summary>
public sealed record SendToFullBoard(Guid ReviewId, string? Reason) : ICommand<ReviewStatus>, IValidatable
{
    public void Validate(Validator v) => v.Optional("reason", Reason, ReviewSteps.ReasonMax);
}

public sealed class SendToFullBoardHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SendToFullBoard, ReviewStatus>
{
    public async ValueTask<ReviewStatus> Handle(SendToFullBoard command, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, command.ReviewId, ct, ProjectActions.EthicsAdminister, ProjectActions.EthicsDecide);
        ReviewSteps.EnsureStatus(review, ReviewStatus.InFormalReview, ReviewStatus.InExpeditedReview);
        if (review.Status == ReviewStatus.InExpeditedReview)
        {
            // Referral is the chair's call (or the vice-chair's), not the office's.
            await ChairSeat.EnsureAsync(db, user, review.CommitteeId, clock, ct);
        }
        review.Track = ReviewTrack.FullBoard;
        review.MoveTo(ReviewStatus.AwaitingMeeting, clock.GetUtcNow());
        db.AuditReason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return review.Status;
    }
}
