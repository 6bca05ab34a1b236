using System.Collections.Concurrent;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Hospital;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.Dictionary;

/// <summary>
/// Synchronises the data dictionary from the hospital: kind by kind, page by page from each kind's watermark, every page
/// upserted together with the run's counts and the advanced watermark in one transaction (one save). A run stopped anywhere
/// leaves only whole pages behind, and the next run goes on from the last one committed. Idempotent: an entry whose
/// version and content are as stored counts as unchanged. One run at a time, on every node (a unique running slot).
/// </summary>
public sealed class DictionarySynchronizer(IServiceScopeFactory scopes, IHospitalDictionaries hospital, IntegrationAlerts alerts,
    IOptions<HospitalOptions> hospitalOptions, IOptions<DictionarySyncOptions> options, TimeProvider clock, ILogger<DictionarySynchronizer> logger)
    : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Guid, Task> _running = new();

    /// <summary>Starts a run in the background and returns it as it started (409 when one is running, 503 without a hospital).</summary>
    public async Task<DictionarySyncRunView> StartAsync(DictionarySyncTrigger trigger, string startedBy, CancellationToken ct)
    {
        var run = await CreateRunAsync(trigger, startedBy, ct);
        var task = Task.Run(() => ExecuteAsync(run.Id, _stopping.Token), CancellationToken.None);
        _running[run.Id] = task;
        _ = task.ContinueWith(_ => _running.TryRemove(run.Id, out Task? _), TaskScheduler.Default);
        return run;
    }

    /// <summary>Runs a sync to its end (the scheduled job) and returns its log.</summary>
    public async Task<DictionarySyncRunView> RunAsync(DictionarySyncTrigger trigger, string startedBy, CancellationToken ct)
    {
        var run = await CreateRunAsync(trigger, startedBy, ct);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        return await ExecuteAsync(run.Id, linked.Token);
    }

    /// <summary>Cancels the runs in progress (the host is stopping) and waits for them to record how far they got.</summary>
    public async Task StopAsync()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }
        await _stopping.CancelAsync();
        // A run cancelled by the stop ends with an exception the run itself has recorded; the stop only waits for it.
        await Task.WhenAll(_running.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            await StopAsync();
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _stopping.Dispose();
            }
        }
    }

    /// <summary>A container disposed synchronously: cancel the running syncs without waiting for them.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private int _disposed;

    private async Task<DictionarySyncRunView> CreateRunAsync(DictionarySyncTrigger trigger, string startedBy, CancellationToken ct)
    {
        if (!hospitalOptions.Value.IsConfigured)
        {
            throw new HospitalUnavailableException("No hospital is configured (Integration:Hospital:BaseUrl): there is nothing to synchronise from.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var now = clock.GetUtcNow();
        var running = await db.DictionarySyncRuns.FirstOrDefaultAsync(r => r.RunningSlot != null, ct);
        if (running is not null)
        {
            if (now - running.HeartbeatAt < options.Value.StaleAfter)
            {
                throw new ConflictException($"A dictionary sync is already running (run {running.Id}, started {running.StartedAt:u}).");
            }
            running.Fail($"Abandoned: no progress since {running.HeartbeatAt:u} (its host stopped).", now);
        }
        var last = running ?? await db.DictionarySyncRuns.Where(r => r.RunningSlot == null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var run = new DictionarySyncRun(trigger, startedBy, last?.Status == DictionarySyncStatus.Failed ? last.Id : null, now);
        db.DictionarySyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            throw new ConflictException("A dictionary sync is already running.");
        }
        return DictionarySyncRunView.From(run);
    }

    private async Task<DictionarySyncRunView> ExecuteAsync(Guid runId, CancellationToken ct)
    {
        var kind = DictionaryKinds.All[0];
        try
        {
            foreach (var k in DictionaryKinds.All)
            {
                kind = k;
                var watermark = await WatermarkAsync(kind, ct);
                string? next = null;
                do
                {
                    var page = await hospital.ReadPageAsync(kind, watermark, next, ct);
                    next = page.Next;
                    await CommitPageAsync(runId, kind, page, next is null, ct);
                } while (next is not null);
            }
            return await FinishAsync(runId, null);
        }
        catch (Exception e)
        {
            var error = e switch
            {
                OperationCanceledException when ct.IsCancellationRequested => $"Stopped with the host while synchronising {kind.Name()}.",
                HospitalUnavailableException or HospitalResponseException => $"{kind.Name()}: {e.Message}",
                _ => $"{kind.Name()}: {e.GetType().Name}: {e.Message}",
            };
            logger.LogWarning(e, "Dictionary sync {RunId} failed at {Kind}", runId, kind.Name());
            await alerts.RaiseAsync(AlertSources.DictionarySync, "failed", $"Dictionary sync {runId} failed: {error}", CancellationToken.None);
            return await FinishAsync(runId, error);
        }
    }

    private async Task<DateTimeOffset?> WatermarkAsync(DictionaryKind kind, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        return await db.DictionarySyncCursors.Where(c => c.Kind == kind).Select(c => c.Watermark).FirstOrDefaultAsync(ct);
    }

    private async Task CommitPageAsync(Guid runId, DictionaryKind kind, DictionaryPage page, bool last, CancellationToken ct)
    {
        foreach (var item in page.Items)
        {
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Length > DictionaryEntry.CodeMax)
            {
                throw new HospitalResponseException($"An entry of the hospital's {kind.Name()} dictionary has no usable code (empty or over {DictionaryEntry.CodeMax} characters).");
            }
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var now = clock.GetUtcNow();
        var run = await db.DictionarySyncRuns.FirstAsync(r => r.Id == runId, ct);
        var cursor = await db.DictionarySyncCursors.FirstOrDefaultAsync(c => c.Kind == kind, ct);
        if (cursor is null)
        {
            cursor = new DictionarySyncCursor(kind);
            db.DictionarySyncCursors.Add(cursor);
        }
        var codes = page.Items.Select(i => i.Code).Distinct().ToList();
        var entries = await db.DictionaryEntries.Where(e => e.Kind == kind && codes.Contains(e.Code)).ToDictionaryAsync(e => e.Code, StringComparer.Ordinal, ct);
        var counts = run.For(kind);
        foreach (var item in page.Items)
        {
            if (entries.TryGetValue(item.Code, out var entry))
            {
                counts.Count(entry.Apply(item, runId, now));
            }
            else
            {
                entry = new DictionaryEntry(kind, item, runId, now);
                db.DictionaryEntries.Add(entry);
                entries[item.Code] = entry;
                counts.Count(DictionaryChange.Added);
            }
        }
        counts.PageDone();
        if (last)
        {
            counts.Complete();
        }
        if (page.Items.Count > 0)
        {
            cursor.Advance(page.Items.Max(i => i.LastUpdated).ToUniversalTime(), runId, now);
        }
        run.Beat(now);
        await db.SaveChangesAsync(ct);
    }

    private async Task<DictionarySyncRunView> FinishAsync(Guid runId, string? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var run = await db.DictionarySyncRuns.FirstAsync(r => r.Id == runId, CancellationToken.None);
        if (error is null)
        {
            run.Succeed(clock.GetUtcNow());
        }
        else
        {
            run.Fail(error, clock.GetUtcNow());
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return DictionarySyncRunView.From(run);
    }
}
