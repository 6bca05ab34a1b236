using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Contracts;

/// <summary>The project's contract, if the caller may read contracts of the project; 404 when it has none.</summary>
public sealed record GetContract(Guid ProjectId) : IQuery<ContractDto>;

public sealed class GetContractHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user) : IQueryHandler<GetContract, ContractDto>
{
    public async ValueTask<ContractDto> Handle(GetContract query, CancellationToken ct)
    {
        var project = await ContractRules.ProjectAsync(db, access, user, query.ProjectId, ProjectActions.ReadContract, ct);
        var contract = await ContractRules.ContractAsync(db, query.ProjectId, ct);
        return await ContractView.LoadAsync(db, contract, project, ct);
    }
}
