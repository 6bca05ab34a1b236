using System.Security.Claims;
using Ctms.Domain.Common;
using Ctms.Domain.Signatures;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Studio.Services;

/// <summary>
/// Completes a user task for the REST API and the studio alike, with its electronic signature when the task asks for
/// one (<c>zeebe:taskHeaders</c> key <see cref="SignatureMeaningHeader"/>: the meaning the signer is shown and declares).
/// The password is checked first, in a unit of work of its own, so that a wrong one counts toward lockout although the
/// completion is refused; then the task is completed in one transaction, in which the activities that follow sign their
/// records (a vote, a decision) with that meaning. A signed task whose command signed no record has its completion
/// signed instead (<see cref="SignedTaskCompletion"/>), so no signed task ends without a signature.
/// </summary>
public sealed class TaskCompletion(IEngineCommandRunner runner, IServiceScopeFactory scopes)
{
    public const string SignatureMeaningHeader = "signatureMeaning";

    /// <summary>The meaning of the signature an open task asks for; null when it asks for none or is not open to the user.</summary>
    public async Task<string?> SignatureMeaningAsync(Guid taskId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        await using var scope = Scope(user);
        return await MeaningAsync(scope.ServiceProvider, taskId, user, ct);
    }

    /// <returns>The variables the completion set (those of the form's fields when the task has a form).</returns>
    /// <exception cref="DomainValidationException">The task is signed and the password is missing or wrong (field <c>signature.password</c>).</exception>
    public async Task<IReadOnlyDictionary<string, object?>> CompleteAsync(Guid taskId, ClaimsPrincipal user, IReadOnlyDictionary<string, object?>? variables,
        string? password, CancellationToken ct = default)
    {
        var userName = user.Identity?.Name ?? throw new ForbiddenException("No user name.");
        string[] groups = [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        Reauthentication? proof = null;
        string? meaning;
        await using (var scope = Scope(user))
        {
            meaning = await MeaningAsync(scope.ServiceProvider, taskId, user, ct);
            if (meaning is not null)
            {
                proof = await scope.ServiceProvider.GetRequiredService<SignatureAuthenticator>().ReauthenticateAsync(password, meaning, ct);
            }
        }
        return await runner.RunScopedAsync(user, async (services, token) =>
        {
            var session = services.GetRequiredService<SignatureSession>();
            if (proof is not null)
            {
                session.Accept(proof);
            }
            var task = await services.GetRequiredService<BpmnEngine>().Store.TaskAsync(taskId, token);
            var accepted = await services.GetRequiredService<TaskService>().CompleteAsync(taskId, userName, groups, variables, token);
            if (proof is not null && session.Signed == 0 && task is not null)
            {
                await services.GetRequiredService<SignatureService>().SignAsync(
                    new SignedTaskCompletion(taskId, task.ProcessId, task.ElementId, task.BusinessKey, accepted), meaning, token);
            }
            return accepted;
        }, ct);
    }

    private static async Task<string?> MeaningAsync(IServiceProvider services, Guid taskId, ClaimsPrincipal user, CancellationToken ct)
    {
        var task = await services.GetRequiredService<BpmnEngine>().Store.TaskAsync(taskId, ct);
        var userName = user.Identity?.Name ?? "";
        string[] groups = [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        // To anyone who may not complete it, the task asks for nothing: they get the engine's refusal, not a password prompt.
        if (task is null || task.Assignee != userName && (task.Assignee is not null || !TaskService.IsCandidate(task, userName, groups)))
        {
            return null;
        }
        var headers = await services.GetRequiredService<TaskService>().HeadersAsync(taskId, ct);
        return headers.TryGetValue(SignatureMeaningHeader, out var meaning) && !string.IsNullOrWhiteSpace(meaning) ? meaning.Trim() : null;
    }

    private AsyncServiceScope Scope(ClaimsPrincipal user)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = user;
        return scope;
    }
}
