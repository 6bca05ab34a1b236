using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Contracts;

/// <summary>Sends the draft to review (P10): opens the next review round for the CTI office, finance and the PI.</summary>
public sealed record SubmitContractForReview(Guid ProjectId) : ICommand<ContractDto>;

public sealed class SubmitContractForReviewHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<SubmitContractForReview, ContractDto>
{
    public async ValueTask<ContractDto> Handle(SubmitContractForReview command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.EditContract, ct);
        ContractRules.EnsureContractable(project);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        contract.Submit(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
