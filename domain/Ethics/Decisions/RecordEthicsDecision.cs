using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Signatures;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Decisions;

/// <summary>
/// The committee's decision on a review (P09), recorded and signed by the chair or a vice-chair of the review's committee
/// in the same command (the signed task's password, see <see cref="SignatureService"/>). The review is then Decided. An
/// approval of a new protocol (Initial) or of the yearly report (Continuing) lasts the committee's continuing-review
/// interval: its <see cref="EthicsDecision.ValidUntil"/> is when the next continuing review is due.
/// </summary>
public sealed record RecordEthicsDecision(Guid ReviewId, string Outcome, string? Conditions) : ICommand<EthicsDecisionDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(EthicsNames.TryParseOutcome(Outcome, out _), nameof(Outcome), $"Outcome must be one of: {EthicsNames.AllOutcomes}.")
        .Optional(nameof(Conditions), Conditions, EthicsDecision.ConditionsMax)
        .Must(!EthicsNames.TryParseOutcome(Outcome, out var o) || o != EthicsOutcome.ApproveWithModifications || !string.IsNullOrWhiteSpace(Conditions),
            nameof(Conditions), "An approval with modifications states the modifications required (the conditions).");
}

public sealed class RecordEthicsDecisionHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, SignatureService signatures, TimeProvider clock)
    : ICommandHandler<RecordEthicsDecision, EthicsDecisionDto>
{
    /// <summary>The outcomes each kind of review can have: reports are acknowledged; protocols are approved or not.</summary>
    private static readonly Dictionary<ReviewKind, EthicsOutcome[]> Allowed = new()
    {
        [ReviewKind.Initial] = [EthicsOutcome.Approve, EthicsOutcome.ApproveWithModifications, EthicsOutcome.ReviseAndResubmit, EthicsOutcome.Disapprove],
        [ReviewKind.Amendment] = [EthicsOutcome.Approve, EthicsOutcome.ApproveWithModifications, EthicsOutcome.ReviseAndResubmit, EthicsOutcome.Disapprove],
        [ReviewKind.Continuing] = [EthicsOutcome.Approve, EthicsOutcome.ApproveWithModifications, EthicsOutcome.ReviseAndResubmit, EthicsOutcome.Suspend,
            EthicsOutcome.Terminate],
        [ReviewKind.Sae] = [EthicsOutcome.Acknowledge, EthicsOutcome.ApproveWithModifications, EthicsOutcome.Suspend, EthicsOutcome.Terminate],
        [ReviewKind.Deviation] = [EthicsOutcome.Acknowledge, EthicsOutcome.ApproveWithModifications, EthicsOutcome.Suspend, EthicsOutcome.Terminate],
        [ReviewKind.Suspension] = [EthicsOutcome.Suspend, EthicsOutcome.Terminate, EthicsOutcome.Approve],
    };

    public async ValueTask<EthicsDecisionDto> Handle(RecordEthicsDecision command, CancellationToken ct)
    {
        var review = await db.EthicsReviews.SingleOrDefaultAsync(r => r.Id == command.ReviewId, ct)
                     ?? throw new NotFoundException($"Ethics review {command.ReviewId} was not found.");
        await access.EnsureAsync(user.Access, ProjectActions.EthicsDecide, review.ProjectId, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var seat = await db.CommitteeMembers.AsNoTracking()
            .Where(m => m.CommitteeId == review.CommitteeId && m.UserName == user.UserName
                        && (m.Role == CommitteeRole.Chair || m.Role == CommitteeRole.ViceChair) && m.TermStart <= today && m.TermEnd >= today)
            .FirstOrDefaultAsync(ct);
        if (seat is null)
        {
            throw new ForbiddenException("Only the chair or a vice-chair (in term) of the review's committee signs its decision.");
        }
        if (await db.EthicsDecisions.AnyAsync(d => d.ReviewId == review.Id, ct))
        {
            throw new ConflictException("This review has its decision already.");
        }
        if (!EthicsNames.TryParseOutcome(command.Outcome, out var outcome) || !Allowed[review.Kind].Contains(outcome))
        {
            throw DomainValidationException.For(nameof(command.Outcome),
                $"A review of kind {review.Kind} cannot be decided '{EthicsNames.Of(outcome)}'; it can be: {string.Join(", ", Allowed[review.Kind].Select(EthicsNames.Of))}.");
        }
        review.MoveTo(ReviewStatus.Decided, now);
        DateTimeOffset? validUntil = null;
        if (outcome is EthicsOutcome.Approve or EthicsOutcome.ApproveWithModifications && review.Kind is ReviewKind.Initial or ReviewKind.Continuing)
        {
            var months = await db.EthicsCommittees.Where(c => c.Id == review.CommitteeId).Select(c => c.ContinuingReviewMonths).SingleAsync(ct);
            validUntil = now.AddMonths(months);
        }
        var conditions = string.IsNullOrWhiteSpace(command.Conditions) ? null : command.Conditions.Trim();
        var decision = new EthicsDecision(review.Id, review.ProjectId, outcome, conditions, user.UserName ?? user.UserId, now, validUntil);
        db.EthicsDecisions.Add(decision);
        await signatures.SignAsync(decision, null, ct);
        await db.SaveChangesAsync(ct);
        return EthicsDecisionDto.Of(decision, review.Kind, await signatures.CheckAsync(decision, ct));
    }
}
