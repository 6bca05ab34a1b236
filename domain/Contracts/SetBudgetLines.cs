using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Contracts;

/// <summary>Replaces the draft's budget lines (only while it is a draft or changes were requested); the totals are computed here.</summary>
public sealed record SetBudgetLines(Guid ProjectId, IReadOnlyList<BudgetLineInput> Lines) : ICommand<ContractDto>, IValidatable
{
    public void Validate(Validator v) => Budget.Validate(v, nameof(Lines), Lines);
}

public sealed class SetBudgetLinesHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : ICommandHandler<SetBudgetLines, ContractDto>
{
    public async ValueTask<ContractDto> Handle(SetBudgetLines command, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, command.ProjectId, ProjectActions.EditContract, ct);
        ContractRules.EnsureContractable(project);
        var contract = await ContractRules.ContractAsync(db, command.ProjectId, ct);
        contract.ReplaceLines(Budget.Compute(command.Lines));
        await db.SaveChangesAsync(ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
