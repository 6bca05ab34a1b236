using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The CTI office proposes an amendment of a signed contract's budget (A07): the reason, the complete new budget (its
/// totals computed here) and the day it takes effect (today by default). One amendment is open at a time; one whose
/// changes were requested is proposed again by sending this once more.
/// </summary>
public sealed record ProposeAmendment(Guid ProjectId, string Reason, IReadOnlyList<BudgetLineInput> Lines, DateOnly? EffectiveFrom = null)
    : ICommand<ContractDto>, IValidatable
{
    public void Validate(Validator v)
    {
        v.Required(nameof(Reason), Reason, ContractAmendment.ReasonMax);
        Budget.Validate(v, nameof(Lines), Lines);
    }
}

public sealed class ProposeAmendmentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ProposeAmendment, ContractDto>
{
    public async ValueTask<ContractDto> Handle(ProposeAmendment command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.EditContract, ct);
        ContractRules.EnsureContractable(project);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        if (contract.Status != ContractStatus.Signed)
        {
            throw new ConflictException($"The contract is {contract.Status}; only a signed contract is amended (a draft is simply edited).");
        }
        var now = clock.GetUtcNow();
        var lines = Budget.Compute(command.Lines);
        var effectiveFrom = command.EffectiveFrom ?? DateOnly.FromDateTime(now.UtcDateTime);
        var amendments = await db.ContractAmendments.Where(a => a.ContractId == contract.Id).ToListAsync(ct);
        var open = amendments.SingleOrDefault(a => a.IsOpen);
        if (open is null)
        {
            db.ContractAmendments.Add(new ContractAmendment(contract.Id, amendments.Count + 1, command.Reason.Trim(), lines, effectiveFrom,
                user.UserName ?? user.UserId, now));
        }
        else if (open.Status == AmendmentStatus.ChangesRequested)
        {
            open.Revise(command.Reason.Trim(), lines, effectiveFrom);
        }
        else
        {
            throw new ConflictException($"Amendment {open.Number} is still open ({open.Status}); one amendment at a time.");
        }
        contract.Touch();
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
