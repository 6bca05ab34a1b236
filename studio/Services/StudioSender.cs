using Ctms.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Studio.Services;

/// <summary>
/// Runs one command or query for a studio page in its own scope (a fresh DbContext, not one per circuit) on
/// behalf of the circuit's signed-in user. Pages call this, never the DbContext.
/// </summary>
public sealed class StudioSender(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<T> QueryAsync<T>(IQuery<T> query, CancellationToken ct = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, ct);
    }

    public async Task<T> CommandAsync<T>(ICommand<T> command, CancellationToken ct = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
    }

    private async Task<AsyncServiceScope> ScopeAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = state.User;
        return scope;
    }
}
