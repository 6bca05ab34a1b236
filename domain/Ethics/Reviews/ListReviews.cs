using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The EC workspace's list: the reviews of the projects the caller reads ethics reviews of, filtered by status (or only
/// the pending ones), kind, committee or project, most recently moved first.
/// </summary>
public sealed record ListReviews(bool PendingOnly = true, ReviewStatus? Status = null, ReviewKind? Kind = null, Guid? CommitteeId = null, Guid? ProjectId = null)
    : IQuery<IReadOnlyList<ReviewSummaryDto>>;

public sealed class ListReviewsHandler(CtmsDbContext db, ProjectAccess access, Common.ICurrentUser user)
    : IQueryHandler<ListReviews, IReadOnlyList<ReviewSummaryDto>>
{
    public async ValueTask<IReadOnlyList<ReviewSummaryDto>> Handle(ListReviews query, CancellationToken ct)
    {
        var granted = await access.ProjectsGrantingAsync(user.Access, ProjectActions.EthicsRead, ct);
        var reviews = db.EthicsReviews.AsQueryable();
        if (granted is not null)
        {
            var ids = granted.ToList();
            reviews = reviews.Where(r => ids.Contains(r.ProjectId));
        }
        if (query.PendingOnly && query.Status is null)
        {
            var pending = EthicsReviewLifecycle.Pending.Append(ReviewStatus.ReturnedForRevision).ToList();
            reviews = reviews.Where(r => pending.Contains(r.Status));
        }
        if (query.Status is { } status)
        {
            reviews = reviews.Where(r => r.Status == status);
        }
        if (query.Kind is { } kind)
        {
            reviews = reviews.Where(r => r.Kind == kind);
        }
        if (query.CommitteeId is { } committeeId)
        {
            reviews = reviews.Where(r => r.CommitteeId == committeeId);
        }
        if (query.ProjectId is { } projectId)
        {
            reviews = reviews.Where(r => r.ProjectId == projectId);
        }
        return await ReviewViews.SummariesAsync(db, reviews, ct);
    }
}
