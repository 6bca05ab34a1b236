using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Mediator;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The submitter resubmits a returned review after uploading new versions: an initial review or an amendment takes the
/// project's current protocol and consent versions in place of the ones returned (400 if one is missing now), and the
/// review is back in the secretary's formal review. What changed is kept in the audit trail as the reason.
/// </summary>
public sealed record ResubmitEthicsReview(Guid ReviewId, string Note) : ICommand<ReviewStatus>, IValidatable
{
    public void Validate(Validator v) => v.Required("note", Note, ReviewSteps.ReasonMax);
}

public sealed class ResubmitEthicsReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ResubmitEthicsReview, ReviewStatus>
{
    public async ValueTask<ReviewStatus> Handle(ResubmitEthicsReview command, CancellationToken ct)
    {
        var review = await ReviewSteps.LoadAsync(db, access, user, command.ReviewId, ct, ProjectActions.EthicsSubmit);
        ReviewSteps.EnsureStatus(review, ReviewStatus.ReturnedForRevision);
        if (review.Kind is ReviewKind.Initial or ReviewKind.Amendment)
        {
            var current = await ReviewSubmission.RequiredVersionsAsync(db, review.ProjectId, ct);
            foreach (var (code, versionId) in current)
            {
                var old = review.Documents.Where(d => d.DocumentType == code && d.DocumentVersionId != versionId).ToList();
                if (old.Count == 0 && review.Documents.Any(d => d.DocumentVersionId == versionId))
                {
                    continue;
                }
                db.ReviewDocuments.RemoveRange(old);
                if (!review.Documents.Any(d => d.DocumentVersionId == versionId))
                {
                    db.ReviewDocuments.Add(new ReviewDocument(review.Id, versionId, code));
                }
            }
        }
        review.MoveTo(ReviewStatus.InFormalReview, clock.GetUtcNow());
        db.AuditReason = command.Note.Trim();
        await db.SaveChangesAsync(ct);
        return review.Status;
    }
}
