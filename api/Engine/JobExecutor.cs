using Ctms.Domain.Data;
using Ctms.Engine.Diagnostics;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.State;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Engine;

/// <summary>
/// The hosted service that runs due jobs (timers, retries, asynchronous continuations): it leases a batch (so each
/// job runs once across nodes), then runs them on a few workers, each job as a command of its own that first claims
/// the job and locks its process instance (<see cref="JobLeaser.ClaimAsync"/>). Its clock is the host's
/// <see cref="TimeProvider"/>, which tests move.
/// </summary>
internal sealed class JobExecutor(IServiceScopeFactory scopes, EngineCommands commands, TimeProvider clock, IOptions<EngineHostOptions> options,
    DatabaseInfo database, ILogger<JobExecutor> logger) : BackgroundService
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

    /// <summary>Leases and runs one batch of due jobs; returns how many it leased.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        IReadOnlyList<JobState> jobs;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EngineDbContext>();
            jobs = await JobLeaser.LeaseAsync(db, _owner, clock.GetUtcNow(), options.Value.JobLease, Math.Max(1, options.Value.JobBatch), ct);
        }
        var workers = database.Provider == DatabaseProvider.Postgres ? Math.Max(1, options.Value.JobWorkers) : 1;
        // The jobs of one instance run one after another on one worker: run in parallel, they would only queue on the
        // instance's lock and hold the other workers idle.
        await Parallel.ForEachAsync(jobs.GroupBy(j => j.InstanceId), new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct },
            async (instanceJobs, token) =>
            {
                foreach (var job in instanceJobs)
                {
                    await RunOneAsync(job, token);
                }
            });
        return jobs.Count;
    }

    private async ValueTask RunOneAsync(JobState job, CancellationToken ct)
    {
        try
        {
            var ran = await commands.RunScopedAsync(null, async (services, token) =>
            {
                if (!await JobLeaser.ClaimAsync(services.GetRequiredService<EngineDbContext>(), job, _owner, token))
                {
                    return false;
                }
                EngineMetrics.JobStarted(job, clock.GetUtcNow());
                await services.GetRequiredService<BpmnEngine>().RunJobAsync(job, token);
                return true;
            }, ct);
            if (!ran)
            {
                logger.LogInformation("ENGINE-0502 Job {JobId} ran elsewhere or its lease passed to another node; skipped", job.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            EngineMetrics.JobFailed(job);
            logger.LogError(e, "ENGINE-0501 Job {JobId} of instance {InstanceId} failed; it is given back to be tried again", job.Id, job.InstanceId);
            await ReleaseAsync(job, ct);
        }
    }

    private async Task ReleaseAsync(JobState job, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await JobLeaser.ReleaseAsync(scope.ServiceProvider.GetRequiredService<EngineDbContext>(), job.Id, _owner, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "ENGINE-0503 Job {JobId} could not be given back; its lease runs out instead", job.Id);
        }
    }
}
