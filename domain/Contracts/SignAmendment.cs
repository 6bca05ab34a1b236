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
        var now = clock.GetUtcNow();
        var (project, party) = await ContractSigning.SignerAsync(db, access, user, users, command.ProjectId, command.Party, command.Password,
            ContractRules.AmendmentSigners, now, ct);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        var amendment = await ContractRules.AmendmentAsync(db, contract, command.AmendmentId, ct);
        if (amendment.Status != AmendmentStatus.Approved)
        {
            throw new ConflictException($"Amendment {amendment.Number} is {amendment.Status}; it is signed once the CTI director approved it.");
        }
        if (await ContractSigning.RecordAsync(db, user, contract, amendment.Id, party, command.Meaning, ContractContent.Hash(contract, amendment),
                ContractRules.AmendmentSigners, $"Amendment {amendment.Number}", now, ct))
        {
            AmendmentApplication.Apply(db, contract, amendment, user.UserName ?? user.UserId, now);
        }
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
