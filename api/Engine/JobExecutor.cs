using Ctms.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Engine;

/// <summary>
/// The hosted service that fires due timers and retries: it leases a batch of due jobs (so each runs once across
/// nodes) and runs each as a command of its own. Its clock is the host's <see cref="TimeProvider"/>, which tests move.
/// </summary>
internal sealed class JobExecutor(IServiceScopeFactory scopes, EngineCommands commands, TimeProvider clock, IOptions<EngineHostOptions> options,
    ILogger<JobExecutor> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "ENGINE-0500 The job executor failed a round; it tries again");
            }
            await Task.Delay(options.Value.JobPollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Leases and runs one batch of due jobs; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        IReadOnlyList<Ctms.Engine.Runtime.State.JobState> jobs;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            jobs = await JobLeaser.LeaseAsync(db, _owner, clock.GetUtcNow(), options.Value.JobLease, 50, ct);
        }
        foreach (var job in jobs)
        {
            try
            {
                await commands.RunAsync(null, (engine, token) => engine.RunJobAsync(job, token), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "ENGINE-0501 Job {JobId} of instance {InstanceId} failed; its lease expires and it is tried again", job.Id, job.InstanceId);
            }
        }
        return jobs.Count;
    }
}
