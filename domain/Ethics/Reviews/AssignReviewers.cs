using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The EC secretary puts a review on the expedited track and assigns its primary reviewers (P06, A02, A03): each must be a
/// voting member of the review's committee in term today (400 otherwise) and must not have an active conflict of interest
/// with the project (409, naming it). The review becomes InExpeditedReview; returns the reviewers' user names.
/// </summary>
public sealed record AssignReviewers(Guid ReviewId, IReadOnlyList<string> UserNames) : ICommand<IReadOnlyList<string>>, IValidatable
{
    public const int MaxReviewers = 5;

    public void Validate(Validator v) => v
        .Must(UserNames is { Count: > 0 }, "reviewers", "Assign at least one primary reviewer.")
        .Must(UserNames is null || UserNames.Count <= MaxReviewers, "reviewers", $"Assign at most {MaxReviewers} primary reviewers.");
}

public sealed class AssignReviewersHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AssignReviewers, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(AssignReviewers command, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, command.ReviewId, ct, ProjectActions.EthicsAdminister);
        ReviewSteps.EnsureStatus(review, ReviewStatus.InFormalReview);
        var names = command.UserNames.Select(n => n.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var seats = await db.CommitteeMembers.AsNoTracking().Where(m => m.CommitteeId == review.CommitteeId && names.Contains(m.UserName)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var v = new Validator();
        foreach (var name in names)
        {
            var seat = seats.SingleOrDefault(m => m.UserName == name);
            v.Must(seat is not null, "reviewers", $"{name} has no seat on the review's committee.");
            v.Must(seat is null || seat.Votes, "reviewers", $"{seat?.DisplayName} is the committee's {seat?.Role} and does not review.");
            v.Must(seat is null || seat.InTermOn(today), "reviewers", $"The term of {seat?.DisplayName} does not include today.");
        }
        v.ThrowIfInvalid();
        var seatIds = seats.Select(s => s.Id).ToList();
        var conflicted = await db.ConflictsOfInterest.AsNoTracking()
            .Where(c => c.ProjectId == review.ProjectId && seatIds.Contains(c.MemberId) && c.WithdrawnAt == null).ToListAsync(ct);
        if (conflicted.Count > 0)
        {
            var who = conflicted.Select(c => $"{seats.Single(s => s.Id == c.MemberId).DisplayName} ({c.Reason})");
            throw new ConflictException($"A member with a conflict of interest with this project cannot review it: {string.Join("; ", who)}.");
        }
        var now = clock.GetUtcNow();
        review.Track = ReviewTrack.Expedited;
        foreach (var seat in seats.Where(s => review.Assignments.All(a => a.MemberId != s.Id)))
        {
            // Added through its set: a new child with its key already set would otherwise be taken for an existing row.
            db.ReviewAssignments.Add(new ReviewAssignment(review.Id, seat.Id, user.UserName ?? user.UserId, now));
        }
        review.MoveTo(ReviewStatus.InExpeditedReview, now);
        await db.SaveChangesAsync(ct);
        return names;
    }
}
