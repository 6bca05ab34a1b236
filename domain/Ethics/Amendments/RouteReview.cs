using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Amendments;

/// <summary>
/// The EC secretary's formal review of an amendment or a yearly report found it complete and chose its track: the
/// review moves through formal review to expedited review (primary reviewer and chair) or to the full board's next
/// meeting (the meetings pick up reviews awaiting a meeting).
/// </summary>
public sealed record RouteReview(Guid ReviewId, ReviewTrack Track) : ICommand<ReviewRouteDto>;

public sealed record ReviewRouteDto(Guid ReviewId, Guid ProjectId, string Kind, string Track, string Status);

public sealed class RouteReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock) : ICommandHandler<RouteReview, ReviewRouteDto>
{
    public async ValueTask<ReviewRouteDto> Handle(RouteReview command, CancellationToken ct)
    {
        var review = await db.EthicsReviews.SingleOrDefaultAsync(r => r.Id == command.ReviewId, ct)
                     ?? throw new NotFoundException($"Ethics review {command.ReviewId} was not found.");
        await access.EnsureAsync(user.Access, ProjectActions.EthicsAdminister, review.ProjectId, ct);
        var now = clock.GetUtcNow();
        if (review.Status is ReviewStatus.Submitted or ReviewStatus.ReturnedForRevision)
        {
            review.MoveTo(ReviewStatus.InFormalReview, now);
        }
        review.MoveTo(command.Track == ReviewTrack.Expedited ? ReviewStatus.InExpeditedReview : ReviewStatus.AwaitingMeeting, now);
        review.Track = command.Track;
        await db.SaveChangesAsync(ct);
        return new ReviewRouteDto(review.Id, review.ProjectId, review.Kind.ToString(), command.Track.ToString(), review.Status.ToString());
    }
}
