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
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.SignContract, ct);
        var party = SignatureInput.Parse(command.Party);
        var now = clock.GetUtcNow();
        await ContractRules.EnsureMaySignForAsync(db, user, project.Id, party, now, ct);
        await SignatureInput.CheckPasswordAsync(users, user, command.Password);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        if (contract.Status != ContractStatus.ReadyToSign)
        {
            throw new ConflictException($"The contract is {contract.Status}; it is signed once every reviewer approved it.");
        }
        var signed = await db.ContractSignatures.Where(s => s.ContractId == contract.Id && s.AmendmentId == null).ToListAsync(ct);
        if (signed.Any(s => s.Party == party))
        {
            throw new ConflictException($"The contract is already signed for the {party} party.");
        }
        var signature = new ContractSignature(contract.Id, null, party, user.UserId, user.UserName ?? user.UserId,
            SignatureInput.Trim(command.Meaning) ?? ContractRules.DefaultMeaning(party, contract.SponsorParty), ContractContent.Hash(contract), now);
        db.ContractSignatures.Add(signature);
        signed.Add(signature);
        if (ContractRules.ContractSigners.All(p => signed.Any(s => s.Party == p)))
        {
            ContractActivation.Activate(db, contract, project, user.UserName ?? user.UserId, now);
        }
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
