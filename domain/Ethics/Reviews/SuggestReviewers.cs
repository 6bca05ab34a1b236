using Ctms.Domain.Access;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The members the EC office may assign as primary reviewers of a review, ranked by <see cref="ReviewerRanking"/>:
/// expertise matching the project's department, phase, title and sponsor, and the reviews each has open. Members with an
/// active conflict of interest with the project are never suggested.
/// <para>
/// For the EC office. As a process step (<paramref name="AsProcessStep"/>), the suggestions become the options of the
/// secretary's form in the step that opened the review, which runs on behalf of its submitter: there submitting suffices.
/// </para>
/// </summary>
public sealed record SuggestReviewers(Guid ReviewId, bool AsProcessStep = false) : IQuery<IReadOnlyList<ReviewerSuggestion>>;

public sealed class SuggestReviewersHandler(CtmsDbContext db, ProjectAccess access, Common.ICurrentUser user, TimeProvider clock)
    : IQueryHandler<SuggestReviewers, IReadOnlyList<ReviewerSuggestion>>
{
    public async ValueTask<IReadOnlyList<ReviewerSuggestion>> Handle(SuggestReviewers query, CancellationToken ct)
    {
        var review = query.AsProcessStep
            ? await ReviewSteps.LoadAsync(db, access, user, query.ReviewId, ct, ProjectActions.EthicsAdminister, ProjectActions.EthicsSubmit)
            : await ReviewSteps.LoadAsync(db, access, user, query.ReviewId, ct, ProjectActions.EthicsAdminister);
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == review.ProjectId, ct);
        var members = await db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == review.CommitteeId).ToListAsync(ct);
        var memberIds = members.Select(m => m.Id).ToList();
        var conflicted = await db.ConflictsOfInterest.AsNoTracking()
            .Where(c => c.ProjectId == project.Id && c.WithdrawnAt == null && memberIds.Contains(c.MemberId)).Select(c => c.MemberId).ToListAsync(ct);
        var open = await (from a in db.ReviewAssignments.AsNoTracking()
                          join r in db.EthicsReviews.AsNoTracking() on a.ReviewId equals r.Id
                          where memberIds.Contains(a.MemberId) && a.Opinion == null && r.Status != ReviewStatus.Decided && r.Status != ReviewStatus.Withdrawn
                          group a by a.MemberId into g
                          select new { MemberId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.MemberId, g => g.Count, ct);
        var candidates = members.Select(m => new ReviewerRanking.Candidate(m, open.GetValueOrDefault(m.Id), conflicted.Contains(m.Id)));
        return ReviewerRanking.Rank(candidates, [project.Department, project.Phase.ToString(), project.Title, project.Sponsor, review.Title],
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
