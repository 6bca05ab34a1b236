using Ctms.Domain.Access;
using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Signatures;
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

    /// <summary>
    /// Sends a command. When the domain refuses it (no role, a conflict, invalid data), the refusal is put on the audit
    /// trail (who tried which command, and why) as the API does for a refused request, and then reaches the page.
    /// </summary>
    public async Task<T> CommandAsync<T>(ICommand<T> command, CancellationToken ct = default)
    {
        await using var scope = await ScopeAsync();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
        catch (Exception e) when (Refusal(e) is { } status)
        {
            await RecordAsync(command.GetType().Name, status, e.Message, ct);
            throw;
        }
    }

    /// <summary>The status a domain refusal means, or null for any other failure.</summary>
    public static int? Refusal(Exception e) => e switch
    {
        DomainValidationException => 400,
        ForbiddenException => 403,
        NotFoundException => 404,
        ConflictException => 409,
        Ctms.Engine.Runtime.Activities.ActivityRefusedException { InnerException: { } inner } => Refusal(inner),
        _ => null,
    };

    /// <summary>Records a refused studio action on the audit trail, in a unit of work of its own.</summary>
    public async Task RecordAsync(string action, int status, string reason, CancellationToken ct = default)
    {
        await using var scope = await ScopeAsync();
        await RefusedAttempts.RecordAsync(scope.ServiceProvider.GetRequiredService<CtmsDbContext>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(),
            "STUDIO", "studio/" + action, status, reason, ct);
    }

    private async Task<AsyncServiceScope> ScopeAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = state.User;
        return scope;
    }

    /// <summary>
    /// Whether the signed-in user may do <paramref name="action"/> on the project: a page shows a button only to those
    /// the action is for. The domain still decides when the command is sent.
    /// </summary>
    public async Task<bool> MayAsync(string action, Guid projectId, CancellationToken ct = default)
    {
        await using var scope = await ScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ProjectAccess>()
            .CanAsync(scope.ServiceProvider.GetRequiredService<ICurrentUser>().Access, action, projectId, ct);
    }

    /// <summary>
    /// Sends a command that signs a record with the signer's password, as the REST API's signed endpoints do: the password
    /// is checked first (a missing or wrong one is a <see cref="DomainValidationException"/> on
    /// <see cref="SignatureAuthenticator.PasswordField"/>, counted toward lockout, and nothing is done), then the command
    /// runs in the same scope with the proof, and signs with <paramref name="meaning"/>. Refusals are audited as
    /// <see cref="CommandAsync{T}"/> does.
    /// </summary>
    public async Task<T> SignedCommandAsync<T>(ICommand<T> command, string? password, string meaning, CancellationToken ct = default)
    {
        await using var scope = await ScopeAsync();
        try
        {
            var proof = await scope.ServiceProvider.GetRequiredService<SignatureAuthenticator>().ReauthenticateAsync(password, meaning, ct);
            scope.ServiceProvider.GetRequiredService<SignatureSession>().Accept(proof);
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
        catch (Exception e) when (Refusal(e) is { } status)
        {
            await RecordAsync(command.GetType().Name, status, e.Message, ct);
            throw;
        }
    }
}
