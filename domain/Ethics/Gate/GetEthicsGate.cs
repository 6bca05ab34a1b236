using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Ethics.Gate;

/// <summary>The ethics gate of a project now: open or closed, with each condition (anyone who may read the project).</summary>
public sealed record GetEthicsGate(Guid ProjectId) : IQuery<EthicsGateResult>;

public sealed class GetEthicsGateHandler(IEnrollmentGate gate, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetEthicsGate, EthicsGateResult>
{
    public async ValueTask<EthicsGateResult> Handle(GetEthicsGate query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        return await gate.EvaluateAsync(query.ProjectId, clock.GetUtcNow(), ct);
    }
}
