using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The step after P11's signatures (<c>activate-contract</c>): makes sure the contract is effective and the project
/// Contracted. The last signature already activates it; this refuses (409) a contract that lacks a signature, so a
/// process cannot go on as contracted when it is not, and activates one whose signatures are complete. Running it
/// again changes nothing (a retried job is harmless).
/// </summary>
public sealed record ActivateContract(Guid ProjectId) : ICommand<ContractDto>;

public sealed class ActivateContractHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ActivateContract, ContractDto>
{
    public async ValueTask<ContractDto> Handle(ActivateContract command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.ReadContract, ct);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        if (contract.Status != ContractStatus.Signed)
        {
            await ContractSigning.EnsureFullySignedAsync(db, contract, null, ContractRules.ContractSigners, "The contract", contract.Status.ToString(),
                contract.Status == ContractStatus.ReadyToSign, ct);
            ContractActivation.Activate(db, contract, project, user.UserName ?? user.UserId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
