using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// A party signs the reviewed contract (P11): the hospital by the CTI director, the sponsor by the project's applicant,
/// the PI. The signature keeps the SHA-256 of the content signed. When the last party signed, the contract becomes
/// effective (<see cref="ContractActivation"/>). A password, when given (the REST API asks for it), is checked first:
/// a signature by re-entry of the password; from a process task, completing the task as the signed-in user is the act.
/// </summary>
public sealed record SignContract(Guid ProjectId, string Party, string? Meaning = null, string? Password = null) : ICommand<ContractDto>, IValidatable
{
    public void Validate(Validator v) => SignatureInput.Validate(v, Party, Meaning);
}

public sealed class SignContractHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, UserManager<CtmsUser> users, TimeProvider clock)
    : ICommandHandler<SignContract, ContractDto>
{
    public async ValueTask<ContractDto> Handle(SignContract command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (project, party) = await ContractSigning.SignerAsync(db, access, user, users, command.ProjectId, command.Party, command.Password,
            ContractRules.ContractSigners, now, ct);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        if (contract.Status != ContractStatus.ReadyToSign)
        {
            throw new ConflictException($"The contract is {contract.Status}; it is signed once every reviewer approved it.");
        }
        if (await ContractSigning.RecordAsync(db, user, contract, null, party, command.Meaning, ContractContent.Hash(contract),
                ContractRules.ContractSigners, "The contract", now, ct))
        {
            ContractActivation.Activate(db, contract, project, user.UserName ?? user.UserId, now);
        }
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
