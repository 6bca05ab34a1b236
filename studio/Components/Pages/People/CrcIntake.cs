using System.Security.Claims;
using System.Threading.RateLimiting;
using Ctms.Domain.Common;
using Ctms.Domain.People;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Studio.Services;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Studio.Components.Pages.People;

/// <summary>
/// Where an external CRC's application comes in, from the anonymous page or the REST endpoint: the application is
/// stored and A05 started for it in one transaction, as the host. Anonymous, so rate-limited per client (address):
/// <c>People:CrcApplicationsPerHour</c> (default 5).
/// </summary>
public sealed class CrcIntake(IEngineCommandRunner runner, IConfiguration configuration) : IDisposable
{
    public const string ProcessId = "A05-crc-registration";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("People:CrcApplicationsPerHour", 5)),
            Window = TimeSpan.FromHours(1),
            QueueLimit = 0,
        }));

    /// <summary>False when the client sent too many applications lately; counts this attempt otherwise.</summary>
    public bool TryEnter(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public Task<CrcApplicationDto> SubmitAsync(SubmitCrcApplication command, CancellationToken ct) =>
        runner.RunScopedAsync(null, async (services, token) =>
        {
            var application = await services.GetRequiredService<IMediator>().Send(command, token);
            await services.GetRequiredService<BpmnEngine>().StartAsync(ProcessId, new Dictionary<string, object?>
            {
                ["applicationId"] = application.Id.ToString(),
                ["fullName"] = application.FullName,
                ["email"] = application.Email,
                ["phone"] = application.Phone,
                ["smoCompany"] = application.SmoCompany,
                ["wishedProjects"] = application.WishedProjects,
            }, application.Id.ToString(), null, token);
            return application;
        }, ct);

    /// <summary>A05's review task, which approving and rejecting complete.</summary>
    public const string ReviewTask = "review-application";

    /// <summary>Approves as <paramref name="user"/> (completes A05's review): the account made, with its one-time password to show once.</summary>
    public Task<CrcApprovalDto> ApproveAsync(ClaimsPrincipal user, Guid applicationId, string? proposedProtocolNumber, CancellationToken ct) =>
        runner.RunScopedAsync(user, async (services, token) =>
        {
            await CompleteReviewAsync(services, applicationId, user, new Dictionary<string, object?>
            {
                ["decision"] = "approve",
                ["proposedProtocolNumber"] = string.IsNullOrWhiteSpace(proposedProtocolNumber) ? null : proposedProtocolNumber.Trim(),
            }, token);
            return services.GetRequiredService<CrcApprovals>().Last
                   ?? throw new ConflictException("The review was completed but no account was made; see the process instance.");
        }, ct);

    /// <summary>Rejects as <paramref name="user"/> with the reason (completes A05's review).</summary>
    public Task<bool> RejectAsync(ClaimsPrincipal user, Guid applicationId, string reason, CancellationToken ct)
    {
        new Validator().Required("reason", reason, CrcApplication.ReasonMax).ThrowIfInvalid();
        return runner.RunScopedAsync(user, async (services, token) =>
        {
            await CompleteReviewAsync(services, applicationId, user, new Dictionary<string, object?> { ["decision"] = "reject", ["reason"] = reason.Trim() }, token);
            return true;
        }, ct);
    }

    /// <summary>Completes the application's open review task as the user (the engine checks they are a candidate, the form the data).</summary>
    private static async Task CompleteReviewAsync(IServiceProvider services, Guid applicationId, ClaimsPrincipal user, Dictionary<string, object?> variables,
        CancellationToken ct)
    {
        // Only the CTI office may learn whether an application exists.
        await services.GetRequiredService<IMediator>().Send(new GetCrcApplication(applicationId), ct);
        var tasks = services.GetRequiredService<TaskService>();
        var page = await tasks.QueryAsync(new TaskQuery { ProcessId = ProcessId, BusinessKey = applicationId.ToString(), ElementId = ReviewTask, Limit = 1 }, ct);
        var task = (page.Items.Count > 0 ? page.Items[0] : null)
                   ?? throw new ConflictException("The application is not waiting for a review (already decided?).");
        var userName = user.Identity?.Name ?? throw new ForbiddenException("No user name.");
        await tasks.CompleteAsync(task.Id, userName, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)], variables, ct);
    }

    public void Dispose() => _limiter.Dispose();
}
