using Ctms.Domain.Access;
using Ctms.Domain.Common;

namespace Ctms.Api.Integration;

/// <summary>Who may run the integration (alerts, dictionary sync, bulk imports): the global action <c>integration.administer</c>.</summary>
internal sealed class IntegrationAccess(ProjectAccess access, ICurrentUser user)
{
    public Task EnsureAdministratorAsync(CancellationToken ct) => Ctms.Domain.Integration.Alerts.IntegrationAdministrators.EnsureAsync(access, user, ct);
}
