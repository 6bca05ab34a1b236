using System.Security.Claims;
using Ctms.Domain.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Studio.Services;

/// <summary>
/// Runs an engine command in one database transaction on behalf of a user (the host's <c>EngineCommands</c>: the
/// engine's and the domain's tables commit together, a lost race runs again). The studio depends on this port; the
/// host implements it, so pages and REST endpoints share one path for every engine command.
/// </summary>
public interface IEngineCommandRunner
{
    Task<T> RunScopedAsync<T>(ClaimsPrincipal? user, Func<IServiceProvider, CancellationToken, Task<T>> command, CancellationToken ct);
}

/// <summary>
/// The engine for a studio page, as the circuit's signed-in user: commands through <see cref="IEngineCommandRunner"/>,
/// queries in a scope of their own (a fresh DbContext each time, never one per circuit).
/// </summary>
public sealed class StudioEngine(IEngineCommandRunner runner, IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    /// <summary>The circuit's user.</summary>
    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    /// <summary>Runs a command (deploy, start, claim, complete...) in one transaction as the signed-in user.</summary>
    public async Task<T> CommandAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> command, CancellationToken ct = default) =>
        await runner.RunScopedAsync(await UserAsync(), command, ct);

    /// <summary>Reads (definitions, tasks, an instance's history) in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> query, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = await UserAsync();
        return await query(scope.ServiceProvider, ct);
    }
}
