using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Ctms.Domain.Signatures;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>One review with its documents, opinions (their signatures checked against the record) and decision, for whoever reads the project's ethics reviews.</summary>
public sealed record GetReview(Guid ReviewId) : IQuery<ReviewDto>;

public sealed class GetReviewHandler(CtmsDbContext db, ProjectAccess access, Common.ICurrentUser user, SignatureService signatures)
    : IQueryHandler<GetReview, ReviewDto>
{
    public async ValueTask<ReviewDto> Handle(GetReview query, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, query.ReviewId, ct, ProjectActions.EthicsRead);
        return await ReviewViews.DetailAsync(db, signatures, review, ct);
    }
}
