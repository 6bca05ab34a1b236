using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// A reviewer's decision on the current review round (P10): the CTI secretary, a finance officer and the project's PI
/// each decide once a round. When all three decided, the round closes: all approved → ready to sign; any request for
/// changes → back to the CTI office (the revision loop). <see cref="As"/> names the reviewer role when the user holds several.
/// </summary>
public sealed record ReviewContract(Guid ProjectId, string Decision, string? Comment = null, string? As = null) : ICommand<ContractDto>, IValidatable
{
    public void Validate(Validator v) => ReviewInput.Validate(v, Decision, Comment);
}

public sealed class ReviewContractHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ReviewContract, ContractDto>
{
    public async ValueTask<ContractDto> Handle(ReviewContract command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.ReviewContract, ct);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        var now = clock.GetUtcNow();
        var role = await ContractRules.ReviewerRoleAsync(db, user, project.Id, command.As, ContractRules.ContractReviewers, now, ct);
        if (contract.Status != ContractStatus.UnderReview)
        {
            throw new ConflictException($"The contract is {contract.Status}; it is reviewed only once submitted for review.");
        }
        var round = await db.ContractReviews.Where(r => r.ContractId == contract.Id && r.AmendmentId == null && r.Round == contract.ReviewRound)
            .ToListAsync(ct);
        if (round.Any(r => r.ReviewerRole == role))
        {
            throw new ConflictException($"The {role} review of round {contract.ReviewRound} is already recorded.");
        }
        var review = new ContractReview(contract.Id, null, contract.ReviewRound, role, user.UserName ?? user.UserId,
            ReviewInput.Parse(command.Decision), ReviewInput.Trim(command.Comment), now);
        contract.Touch();
        db.ContractReviews.Add(review);
        round.Add(review);
        if (ContractRules.ContractReviewers.All(r => round.Any(x => x.ReviewerRole == r)))
        {
            contract.CloseRound(round.All(r => r.Decision == ReviewDecision.Approve));
        }
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
