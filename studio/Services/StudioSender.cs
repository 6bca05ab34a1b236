using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
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
    /// Sends a command that carries the signed-in user's electronic signature with <paramref name="meaning"/>: the password
    /// is checked first, in a unit of work of its own (a wrong one counts toward the lockout and is refused on
    /// <c>signature.password</c>), then the command runs in a scope whose <see cref="Ctms.Domain.Signatures.SignatureSession"/> holds the proof,
    /// so that it signs its record. A refusal is put on the audit trail as <see cref="CommandAsync{T}"/> does.
    /// </summary>
    public async Task<T> SignedCommandAsync<T>(ICommand<T> command, string? password, string meaning, CancellationToken ct)
    {
        try
        {
            Ctms.Domain.Signatures.Reauthentication proof;
            await using (var check = await ScopeAsync())
            {
                proof = await check.ServiceProvider.GetRequiredService<Ctms.Domain.Signatures.SignatureAuthenticator>().ReauthenticateAsync(password, meaning, ct);
            }
            await using var scope = await ScopeAsync();
            scope.ServiceProvider.GetRequiredService<Ctms.Domain.Signatures.SignatureSession>().Accept(proof);
            return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, ct);
        }
        catch (Exception e) when (Refusal(e) is { } status)
        {
            await RecordAsync(command.GetType().Name, status, e.Message, ct);
            throw;
        }
    }
}
