using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>What every step of a review does first: load it with its documents and reviewers, and check the person's right on its project.</summary>
internal static class ReviewSteps
{
    public const int ReasonMax = 2000;

    /// <summary>
    /// The review, once the user holds one of <paramref name="actions"/> on its project; otherwise not found (they may not
    /// read the project's ethics reviews) or forbidden (they read it, the step is not theirs).
    /// </summary>
    public static async Task<EthicsReview> LoadAsync(CtmsDbContext db, ProjectAccess access, ICurrentUser user, Guid reviewId, CancellationToken ct,
        params string[] actions)
    {
        var review = await db.EthicsReviews.Include(r => r.Documents).Include(r => r.Assignments).SingleOrDefaultAsync(r => r.Id == reviewId, ct)
                     ?? throw new NotFoundException($"Ethics review {reviewId} was not found.");
        await EnsureAsync(access, user, review.ProjectId, reviewId, ct, actions);
        return review;
    }

    public static async Task EnsureAsync(ProjectAccess access, ICurrentUser user, Guid projectId, Guid reviewId, CancellationToken ct, params string[] actions)
    {
        foreach (var action in actions)
        {
            if (await access.CanAsync(user.Access, action, projectId, ct))
            {
                return;
            }
        }
        if (!await access.CanAsync(user.Access, ProjectActions.EthicsRead, projectId, ct))
        {
            throw new NotFoundException($"Ethics review {reviewId} was not found.");
        }
        throw new ForbiddenException("This step of the ethics review is not yours.");
    }

    public static void EnsureStatus(EthicsReview review, params ReviewStatus[] expected)
    {
        if (!expected.Contains(review.Status))
        {
            throw new ConflictException($"The ethics review is {review.Status}; this step needs it {string.Join(" or ", expected)}.");
        }
    }

    /// <summary>The user's seat on the review's committee, or null.</summary>
    public static Task<CommitteeMember?> SeatAsync(CtmsDbContext db, ICurrentUser user, Guid committeeId, CancellationToken ct) =>
        db.CommitteeMembers.SingleOrDefaultAsync(m => m.CommitteeId == committeeId && m.UserName == user.UserName, ct);
}
