using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Mediator;

namespace Ctms.Domain.Audit;

/// <summary>Walks the whole audit chain for an auditor and reports the first broken link.</summary>
public sealed record VerifyAuditChain : IQuery<AuditChainReport>;

public sealed class VerifyAuditChainHandler(AuditChainVerifier verifier, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<VerifyAuditChain, AuditChainReport>
{
    public async ValueTask<AuditChainReport> Handle(VerifyAuditChain query, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.ReadAudit, ct))
        {
            throw new ForbiddenException("Your role may not verify the audit trail.");
        }
        return await verifier.VerifyAsync(ct);
    }
}
