using System.Security.Claims;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Engine.Diagnostics;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Store;
using Ctms.Studio.Services;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Engine;

/// <summary>
/// Runs one engine command in one database transaction shared by the engine's tables and the domain's (so an
/// activity's writes and the process state commit together, with their audit records), on behalf of a user or of
/// the host. A command that lost a race on its process instance is run again from the start, up to three times.
/// </summary>
internal sealed class EngineCommands(IServiceScopeFactory scopes, ILogger<EngineCommands> logger) : IEngineCommandRunner
{
    private const int Attempts = 3;

    public Task<T> RunAsync<T>(ClaimsPrincipal? user, Func<BpmnEngine, CancellationToken, Task<T>> command, CancellationToken ct) =>
        RunScopedAsync(user, (services, token) => command(services.GetRequiredService<BpmnEngine>(), token), ct);

    /// <summary>Runs a command that needs more of the scope than the engine (the task service, for instance).</summary>
    public async Task<T> RunScopedAsync<T>(ClaimsPrincipal? user, Func<IServiceProvider, CancellationToken, Task<T>> command, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var currentUser = services.GetRequiredService<ClaimsCurrentUser>();
            if (user is null)
            {
                currentUser.ActAsSystem();
            }
            else
            {
                currentUser.Principal = user;
            }
            var domain = services.GetRequiredService<CtmsDbContext>();
            await using var transaction = await domain.BeginWriteTransactionAsync(ct);
            await services.GetRequiredService<EngineDbContext>().Database.UseTransactionAsync(transaction.DbTransaction, ct);
            try
            {
                var result = await command(services, ct);
                await domain.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                // Only now are the command's task changes real: the inboxes hear of them (never of a rolled-back one).
                (services.GetRequiredService<IEngineStore>() as EfEngineStore)?.CallerCommitted();
                return result;
            }
            catch (EngineException e) when (e.Retryable && attempt < Attempts)
            {
                EngineMetrics.Conflict();
                logger.LogInformation("ENGINE-0409 A command lost a race on its process instance; attempt {Attempt} of {Attempts}", attempt + 1, Attempts);
            }
        }
    }

    public Task RunAsync(ClaimsPrincipal? user, Func<BpmnEngine, CancellationToken, Task> command, CancellationToken ct) =>
        RunAsync<bool>(user, async (engine, token) =>
        {
            await command(engine, token);
            return true;
        }, ct);
}
