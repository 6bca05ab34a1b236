using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The EC secretary finds the submission incomplete and returns it to the submitter with the reason (kept in the audit
/// trail with the status change): InFormalReview becomes ReturnedForRevision.
/// </summary>
public sealed record ReturnEthicsReview(Guid ReviewId, string Reason) : ICommand<ReviewStatus>, IValidatable
{
    public void Validate(Validator v) => v.Required("reason", Reason, ReviewSteps.ReasonMax);
}

public sealed class ReturnEthicsReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReturnEthicsReview, ReviewStatus>
{
    public async ValueTask<ReviewStatus> Handle(ReturnEthicsReview command, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, command.ReviewId, ct, ProjectActions.EthicsAdminister);
        review.MoveTo(ReviewStatus.ReturnedForRevision, clock.GetUtcNow());
        db.AuditReason = command.Reason.Trim();
        await db.SaveChangesAsync(ct);
        return review.Status;
    }
}
