using System.Threading.RateLimiting;
using Ctms.Domain.People;
using Ctms.Engine.Runtime;
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

    public void Dispose() => _limiter.Dispose();
}
