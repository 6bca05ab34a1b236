using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// A submitted review enters the EC secretary's formal review (P06): Submitted becomes InFormalReview. It runs in the
/// submitter's own step, so whoever may submit to the committee or administer its reviews may do it.
/// </summary>
public sealed record StartEthicsFormalReview(Guid ReviewId) : ICommand<ReviewStatus>;

public sealed class StartEthicsFormalReviewHandler(CtmsDbContext db, ProjectAccess access, Common.ICurrentUser user, TimeProvider clock)
    : ICommandHandler<StartEthicsFormalReview, ReviewStatus>
{
    public async ValueTask<ReviewStatus> Handle(StartEthicsFormalReview command, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, command.ReviewId, ct, ProjectActions.EthicsAdminister, ProjectActions.EthicsSubmit);
        review.MoveTo(ReviewStatus.InFormalReview, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return review.Status;
    }
}
