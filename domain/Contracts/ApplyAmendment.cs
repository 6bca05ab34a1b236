using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The step after A07's signatures (<c>amend-budget</c>): makes sure the amendment is the effective budget revision.
/// The last signature already applies it; this refuses (409) an amendment that lacks a signature and applies one whose
/// signatures are complete. Running it again changes nothing (a retried job is harmless).
/// </summary>
public sealed record ApplyAmendment(Guid ProjectId, Guid AmendmentId) : ICommand<ContractDto>;

public sealed class ApplyAmendmentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ApplyAmendment, ContractDto>
{
    public async ValueTask<ContractDto> Handle(ApplyAmendment command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.ReadContract, ct);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        var amendment = await ContractRules.AmendmentAsync(db, contract, command.AmendmentId, ct);
        if (amendment.Status != AmendmentStatus.Effective)
        {
            await ContractSigning.EnsureFullySignedAsync(db, contract, amendment.Id, ContractRules.AmendmentSigners, $"Amendment {amendment.Number}",
                amendment.Status.ToString(), amendment.Status == AmendmentStatus.Approved, ct);
            AmendmentApplication.Apply(db, contract, amendment, user.UserName ?? user.UserId, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
