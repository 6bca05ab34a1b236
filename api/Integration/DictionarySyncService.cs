using Ctms.Domain.Common;
using Ctms.Domain.Integration.Dictionary;
using Ctms.Domain.Integration.Hospital;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Integration;

/// <summary>
/// The scheduled dictionary sync: every <see cref="DictionarySyncOptions.Interval"/> (on the host's <see cref="TimeProvider"/>)
/// it runs a sync to its end. Not scheduled when the interval is zero or absent, or no hospital is configured. When the
/// host stops, the runs in progress (scheduled or started by hand) are cancelled and record how far they got.
/// </summary>
internal sealed class DictionarySyncService(DictionarySynchronizer synchronizer, IOptions<DictionarySyncOptions> options,
    IOptions<HospitalOptions> hospital, TimeProvider clock, ILogger<DictionarySyncService> logger) : BackgroundService
{
    /// <summary>The dictionaries' port, the synchronizer and this schedule.</summary>
    public static IServiceCollection AddCtmsDictionarySync(IServiceCollection services, IConfiguration configuration)
    {
        DictionaryServiceCollectionExtensions.AddCtmsDictionarySync(services, configuration);
        return services.AddHostedService<DictionarySyncService>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        if (interval <= TimeSpan.Zero || !hospital.Value.IsConfigured)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            try
            {
                var run = await synchronizer.RunAsync(DictionarySyncTrigger.Scheduled, "system", stoppingToken);
                logger.LogInformation("Scheduled dictionary sync {RunId}: {Status}, {Added} added, {Updated} updated, {Deactivated} deactivated",
                    run.Id, run.Status, run.Added, run.Updated, run.Deactivated);
            }
            catch (ConflictException)
            {
                logger.LogInformation("Scheduled dictionary sync skipped: a run is in progress");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The scheduled dictionary sync could not start");
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await synchronizer.StopAsync();
        await base.StopAsync(cancellationToken);
    }
}
