using System.Threading.Channels;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Alerts;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;
using Ctms.Domain.Integration.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>
/// Runs a bulk import: downloads the hospital's export first when the run is one, then reads the stored file from the
/// run's checkpoint in chunks. A reader parses the next chunk while the current one is written, and each chunk's new
/// results, its broken lines and the moved checkpoint commit in one transaction: a run stopped anywhere (a crash, the
/// host shutting down, the database failing) leaves whole chunks and a checkpoint that matches them, and resumes from it.
/// </summary>
public sealed class BulkImporter(IServiceScopeFactory scopes, IOptions<BulkImportOptions> options, FhirBulkExport export, IntegrationAlerts alerts,
    TimeProvider clock, ILogger<BulkImporter> logger)
{
    /// <summary>Called after each committed chunk with the run and the chunk's number (1-based); tests inject a failure here.</summary>
    internal Func<Guid, int, ValueTask>? ChunkCommitted { get; set; }

    public string FilePath(Guid runId) => Path.Combine(options.Value.FolderPath, $"{runId:N}.ndjson");

    /// <summary>Runs (or resumes) the run to its end; a failure is recorded on the run with an alert, not thrown.</summary>
    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        try
        {
            var run = await ReadRunAsync(runId, ct);
            logger.LogInformation("CTMS-IMPORT-0001 Bulk import {RunId} starts at line {Line}", runId, run.CheckpointLine + 1);
            if (run.Sha256 is null || !File.Exists(FilePath(runId)))
            {
                var (sha256, size) = await export.DownloadAsync(FilePath(runId), ct);
                await UpdateRunAsync(runId, r => r.Stored(sha256, size), CancellationToken.None);
                run = await ReadRunAsync(runId, ct);
            }
            await ImportFileAsync(run, ct);
            var finished = await UpdateRunAsync(runId, r => r.Finish(clock.GetUtcNow()), CancellationToken.None);
            logger.LogInformation("CTMS-IMPORT-0002 Bulk import {RunId} finished: {Imported} imported, {Duplicates} duplicates, {NotRegistered} not registered, {Broken} broken",
                runId, finished.Imported, finished.Duplicates, finished.NotRegistered, finished.BrokenLines);
            if (finished.BrokenLines > 0)
            {
                await alerts.RaiseAsync(AlertSources.BulkImport, "broken-lines",
                    $"The import of {finished.FileName} (run {runId}) skipped {finished.BrokenLines} broken line(s); see the run's errors.", CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            var reason = e switch
            {
                OperationCanceledException when ct.IsCancellationRequested => "The import was stopped (the host shut down); resume it to continue.",
                HospitalUnavailableException or HospitalResponseException => e.Message,
                _ => $"The import failed ({e.GetType().Name}); resume it to continue from the last committed line.",
            };
            // The exception's own text is logged, not stored: a database error may quote a value of the line it failed on.
            logger.LogError(e, "CTMS-IMPORT-0500 Bulk import {RunId} failed", runId);
            try
            {
                var run = await UpdateRunAsync(runId, r => r.Fail(reason, clock.GetUtcNow()), CancellationToken.None);
                await alerts.RaiseAsync(AlertSources.BulkImport, "failed",
                    $"The import of {run.FileName} (run {runId}) stopped after line {run.CheckpointLine}: {reason}", CancellationToken.None);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "CTMS-IMPORT-0501 Bulk import {RunId}: the failure could not be recorded", runId);
            }
        }
    }

    private sealed record Chunk(List<(long Line, ObservationLine? Observation, string? Reason)> Lines, long LastLine, long Offset);

    private async Task ImportFileAsync(BulkImportRun run, CancellationToken ct)
    {
        var chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadChunksAsync(run, chunks.Writer, stop.Token), stop.Token);
        try
        {
            var patients = new Dictionary<string, Guid?>(StringComparer.Ordinal);
            var number = 0;
            await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
            {
                await CommitAsync(run.Id, chunk, patients, ct);
                if (ChunkCommitted is { } committed)
                {
                    await committed(run.Id, ++number);
                }
            }
            await reading;
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReadChunksAsync(BulkImportRun run, ChannelWriter<Chunk> writer, CancellationToken ct)
    {
        try
        {
            var size = Math.Max(1, options.Value.ChunkSize);
            await using var file = new FileStream(FilePath(run.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            file.Seek(run.CheckpointOffset, SeekOrigin.Begin);
            var reader = new NdjsonReader(file, run.CheckpointLine, run.CheckpointOffset);
            var lines = new List<(long, ObservationLine?, string?)>(size);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line.Span.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }
                var observation = ObservationLine.Parse(line, out var reason);
                lines.Add((reader.LineNumber, observation, reason));
                if (lines.Count == size)
                {
                    await writer.WriteAsync(new Chunk(lines, reader.LineNumber, reader.Offset), ct);
                    lines = new(size);
                }
            }
            // The last chunk also carries trailing blank lines, so that the checkpoint reaches the end of the file.
            if (lines.Count > 0 || reader.Offset > run.CheckpointOffset)
            {
                await writer.WriteAsync(new Chunk(lines, reader.LineNumber, reader.Offset), ct);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private async Task CommitAsync(Guid runId, Chunk chunk, Dictionary<string, Guid?> patients, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var unknown = chunk.Lines.Where(l => l.Observation is { } o && !patients.ContainsKey(o.PatientHospitalId))
            .Select(l => l.Observation!.Value.PatientHospitalId).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            var found = await scope.ServiceProvider.GetRequiredService<PatientRegistry>().FindByHospitalIdsAsync(unknown, ct);
            foreach (var id in unknown)
            {
                patients[id] = found.TryGetValue(id, out var patientId) ? patientId : null;
            }
        }
        var now = clock.GetUtcNow();
        var rows = new List<Results.LabResult>(chunk.Lines.Count);
        var notRegistered = 0;
        foreach (var (_, observation, _) in chunk.Lines)
        {
            if (observation is not { } o)
            {
                continue;
            }
            if (patients[o.PatientHospitalId] is { } patientId)
            {
                rows.Add(o.ToLabResult(patientId, runId, now));
            }
            else
            {
                notRegistered++;
            }
        }
        var broken = chunk.Lines.Where(l => l.Observation is null).ToList();

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var inserted = await LabResultWriter.InsertNewAsync(db, transaction.DbTransaction, rows, ct);
        var run = await db.BulkImportRuns.FirstAsync(r => r.Id == runId, ct);
        var room = Math.Max(0, options.Value.MaxErrorsKept - (int)Math.Min(run.BrokenLines, int.MaxValue));
        db.BulkImportErrors.AddRange(broken.Take(room).Select(l => new BulkImportError(runId, l.Line, l.Reason!)));
        run.Committed(new ChunkCounts(chunk.Lines.Count, inserted, rows.Count - inserted, notRegistered, broken.Count), chunk.LastLine, chunk.Offset);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<BulkImportRun> ReadRunAsync(Guid runId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().BulkImportRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
    }

    private async Task<BulkImportRun> UpdateRunAsync(Guid runId, Action<BulkImportRun> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var run = await db.BulkImportRuns.FirstAsync(r => r.Id == runId, ct);
        change(run);
        await db.SaveChangesAsync(ct);
        return run;
    }
}
