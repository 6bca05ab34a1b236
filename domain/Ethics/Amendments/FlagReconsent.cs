using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Amendments;

/// <summary>
/// After the committee's decision on an amendment (A01): when it approves a new informed consent version that follows
/// an earlier one, the subjects who consented on an earlier version must re-consent (<see cref="ReconsentRequirement"/>).
/// Nothing is flagged for a decision that does not approve, or an amendment of the protocol only. Run again, it flags nothing new.
/// </summary>
public sealed record FlagReconsent(Guid ReviewId) : ICommand<ReconsentFlagDto>;

/// <summary>Whether re-consent was flagged, and for which consent version.</summary>
public sealed record ReconsentFlagDto(Guid ReviewId, bool Flagged, Guid? RequirementId, Guid? ConsentVersionId, int? ConsentVersionNumber);

public sealed class FlagReconsentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<FlagReconsent, ReconsentFlagDto>
{
    public async ValueTask<ReconsentFlagDto> Handle(FlagReconsent command, CancellationToken ct)
    {
        var review = await db.EthicsReviews.AsNoTracking().Include(r => r.Documents).SingleOrDefaultAsync(r => r.Id == command.ReviewId, ct)
                     ?? throw new NotFoundException($"Ethics review {command.ReviewId} was not found.");
        await EthicsSteps.EnsureAnyAsync(access, user.Access, review.ProjectId, ct, ProjectActions.EthicsDecide, ProjectActions.EthicsAdminister);
        if (review.Kind != ReviewKind.Amendment)
        {
            throw new ConflictException($"Re-consent is flagged for an amendment; this review is a {review.Kind} review.");
        }
        var decision = await db.EthicsDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.ReviewId == review.Id, ct)
                       ?? throw new ConflictException("The amendment has no decision yet.");
        var none = new ReconsentFlagDto(review.Id, false, null, null, null);
        var consent = review.Documents.FirstOrDefault(d => d.DocumentType == EthicsGate.ConsentCode);
        if (!decision.Approves || consent is null)
        {
            return none;
        }
        var number = await db.DocumentVersions.AsNoTracking().Where(v => v.Id == consent.DocumentVersionId).Select(v => v.Number).SingleAsync(ct);
        if (number <= 1)
        {
            return none;
        }
        var existing = await db.ReconsentRequirements.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ProjectId == review.ProjectId && r.ConsentVersionId == consent.DocumentVersionId, ct);
        if (existing is not null)
        {
            return new ReconsentFlagDto(review.Id, true, existing.Id, existing.ConsentVersionId, existing.ConsentVersionNumber);
        }
        var requirement = new ReconsentRequirement(review.ProjectId, consent.DocumentVersionId, number, review.Id, decision.Id,
            $"{review.Reference ?? review.Title}: {review.Summary}", clock.GetUtcNow());
        db.ReconsentRequirements.Add(requirement);
        await db.SaveChangesAsync(ct);
        return new ReconsentFlagDto(review.Id, true, requirement.Id, requirement.ConsentVersionId, requirement.ConsentVersionNumber);
    }
}
