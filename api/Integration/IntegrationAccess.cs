using Ctms.Domain.Access;
using Ctms.Domain.Common;

namespace Ctms.Api.Integration;

/// <summary>Who may run the integration (alerts, dictionary sync, bulk imports): the global action <c>integration.administer</c>.</summary>
internal sealed class IntegrationAccess(ProjectAccess access, ICurrentUser user)
{
    public async Task EnsureAdministratorAsync(CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.IntegrationAdminister, ct))
        {
            throw new ForbiddenException("Running the hospital integration needs the integration.administer permission (CTI office, administrators).");
        }
    }
}
