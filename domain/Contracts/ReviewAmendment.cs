using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Contracts;

/// <summary>
/// A decision on an open amendment (A07), in order: a finance officer reviews the proposal, then the CTI director
/// approves it. A request for changes at either step sends it back to the CTI office (the revision loop).
/// </summary>
public sealed record ReviewAmendment(Guid ProjectId, Guid AmendmentId, string Decision, string? Comment = null, string? As = null)
    : ICommand<ContractDto>, IValidatable
{
    public void Validate(Validator v) => ReviewInput.Validate(v, Decision, Comment);
}

public sealed class ReviewAmendmentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReviewAmendment, ContractDto>
{
    public async ValueTask<ContractDto> Handle(ReviewAmendment command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.ReviewContract, ct);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        var amendment = await ContractRules.AmendmentAsync(db, contract, command.AmendmentId, ct);
        var expected = amendment.Status switch
        {
            AmendmentStatus.Proposed => Roles.FinanceOfficer,
            AmendmentStatus.FinanceApproved => Roles.CtiDirector,
            _ => throw new ConflictException($"Amendment {amendment.Number} is {amendment.Status}; there is no review to make."),
        };
        var now = clock.GetUtcNow();
        var role = await ContractRules.ReviewerRoleAsync(db, user, project.Id, command.As ?? expected, ContractRules.AmendmentReviewers, now, ct);
        if (role != expected)
        {
            throw new ConflictException($"Amendment {amendment.Number} is {amendment.Status}; it waits for the {expected} decision, not the {role} one.");
        }
        var decision = ReviewInput.Parse(command.Decision);
        db.ContractReviews.Add(new ContractReview(contract.Id, amendment.Id, amendment.Round, role, user.UserName ?? user.UserId, decision,
            ReviewInput.Trim(command.Comment), now));
        contract.Touch();
        amendment.Decide(decision == ReviewDecision.RequestChanges ? AmendmentStatus.ChangesRequested
            : role == Roles.FinanceOfficer ? AmendmentStatus.FinanceApproved : AmendmentStatus.Approved);
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
