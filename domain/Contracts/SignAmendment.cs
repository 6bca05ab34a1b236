using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The hospital (CTI director) or the sponsor (the project's applicant) signs an approved amendment (A07), with the
/// SHA-256 of its content. When both signed, its budget becomes the contract's next effective revision
/// (<see cref="AmendmentApplication"/>). A password, when given, is checked first, as for <see cref="SignContract"/>.
/// </summary>
public sealed record SignAmendment(Guid ProjectId, Guid AmendmentId, string Party, string? Meaning = null, string? Password = null)
    : ICommand<ContractDto>, IValidatable
{
    public void Validate(Validator v) => SignatureInput.Validate(v, Party, Meaning);
}

public sealed class SignAmendmentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, UserManager<CtmsUser> users, TimeProvider clock)
    : ICommandHandler<SignAmendment, ContractDto>
{
    public async ValueTask<ContractDto> Handle(SignAmendment command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.SignContract, ct);
        var party = SignatureInput.Parse(command.Party);
        if (!ContractRules.AmendmentSigners.Contains(party))
        {
            throw DomainValidationException.For("Party", $"An amendment is signed by: {string.Join(", ", ContractRules.AmendmentSigners)}.");
        }
        var now = clock.GetUtcNow();
        await ContractRules.EnsureMaySignForAsync(db, user, project.Id, party, now, ct);
        await SignatureInput.CheckPasswordAsync(users, user, command.Password);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        var amendment = await ContractRules.AmendmentAsync(db, contract, command.AmendmentId, ct);
        if (amendment.Status != AmendmentStatus.Approved)
        {
            throw new ConflictException($"Amendment {amendment.Number} is {amendment.Status}; it is signed once the CTI director approved it.");
        }
        var signed = await db.ContractSignatures.Where(s => s.ContractId == contract.Id && s.AmendmentId == amendment.Id).ToListAsync(ct);
        if (signed.Any(s => s.Party == party))
        {
            throw new ConflictException($"Amendment {amendment.Number} is already signed for the {party} party.");
        }
        var signature = new ContractSignature(contract.Id, amendment.Id, party, user.UserId, user.UserName ?? user.UserId,
            SignatureInput.Trim(command.Meaning) ?? ContractRules.DefaultMeaning(party, contract.SponsorParty), ContractContent.Hash(contract, amendment), now);
        db.ContractSignatures.Add(signature);
        signed.Add(signature);
        if (ContractRules.AmendmentSigners.All(p => signed.Any(s => s.Party == p)))
        {
            AmendmentApplication.Apply(db, contract, amendment, user.UserName ?? user.UserId, now);
        }
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
