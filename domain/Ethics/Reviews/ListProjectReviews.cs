using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>Every ethics review of one project, for its applicant, PI and the committee: 404 for someone who may not read them.</summary>
public sealed record ListProjectReviews(Guid ProjectId) : IQuery<IReadOnlyList<ReviewSummaryDto>>;

public sealed class ListProjectReviewsHandler(CtmsDbContext db, ProjectAccess access, Common.ICurrentUser user)
    : IQueryHandler<ListProjectReviews, IReadOnlyList<ReviewSummaryDto>>
{
    public async ValueTask<IReadOnlyList<ReviewSummaryDto>> Handle(ListProjectReviews query, CancellationToken ct)
    {
        if (!await access.CanAsync(user.Access, ProjectActions.EthicsRead, query.ProjectId, ct))
        {
            throw new Common.NotFoundException($"Project {query.ProjectId} was not found.");
        }
        return await ReviewViews.SummariesAsync(db, db.EthicsReviews.Where(r => r.ProjectId == query.ProjectId), ct);
    }
}
