using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Ethics.Reviews;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Ethics;

/// <summary>
/// Ethics reviews as the EC workspace and the applicant read them: the pending list, one review with its documents,
/// signed opinions and decision, the reviewer suggestions, and a project's reviews. The steps themselves are the tasks of
/// P05-P07, A02 and A03.
/// </summary>
internal static class ReviewsEndpoints
{
    public static IEndpointRouteBuilder MapEthicsReviewsEndpoints(this IEndpointRouteBuilder app)
    {
        var reviews = app.MapGroup("api/ethics/reviews").WithTags("Ethics reviews");
        reviews.MapGet("", List).WithSummary("Reviews of the projects you may read: pending only by default; filters status, kind, committeeId, projectId.");
        reviews.MapGet("{reviewId:guid}", Get).WithSummary("One review: documents under review, primary reviewers' signed opinions (intact or broken), the decision.");
        reviews.MapGet("{reviewId:guid}/reviewer-suggestions", Suggestions)
            .WithSummary("The members the EC office may assign, ranked: 3 points per expertise match minus 1 per open review; conflicted members left out.");
        app.MapGet("api/projects/{projectId:guid}/ethics/reviews", ForProject).WithTags("Ethics reviews")
            .WithSummary("Every ethics review of a project with its status (its applicant, PI and the committee).");
        app.MapEthicsCommitteesEndpoints();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ReviewSummaryDto>>> List(ReviewStatus? status, ReviewKind? kind, Guid? committeeId, Guid? projectId, bool? all,
        IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListReviews(all != true, status, kind, committeeId, projectId), ct));

    private static async Task<Ok<ReviewDto>> Get(Guid reviewId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetReview(reviewId), ct));

    private static async Task<Ok<IReadOnlyList<ReviewerSuggestion>>> Suggestions(Guid reviewId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SuggestReviewers(reviewId), ct));

    private static async Task<Ok<IReadOnlyList<ReviewSummaryDto>>> ForProject(Guid projectId, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListProjectReviews(projectId), ct));
}
