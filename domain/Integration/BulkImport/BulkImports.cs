using System.Security.Cryptography;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>A run as the API and the studio show it.</summary>
public sealed record BulkImportRunDto(Guid Id, BulkImportSource Source, string FileName, string? Sha256, long SizeBytes, string StartedBy,
    DateTimeOffset StartedAt, BulkImportStatus Status, long LinesRead, long Imported, long Duplicates, long NotRegistered, long BrokenLines,
    long CheckpointLine, long CheckpointOffset, DateTimeOffset? FinishedAt, string? Error, bool Active, IReadOnlyList<BulkImportErrorDto>? Errors)
{
    /// <summary>How far the run has read, 0 to 100, by bytes of the stored file.</summary>
    public double Progress => SizeBytes > 0 ? Math.Round(100.0 * CheckpointOffset / SizeBytes, 1) : 0;
}

public sealed record BulkImportErrorDto(long LineNumber, string Reason);

/// <summary>
/// Starts, lists and resumes bulk imports of lab results. An upload is stored in the data folder first (so a failed run can
/// resume from its checkpoint) and checked to be ndjson; the import itself runs in the background (<see cref="BulkImportQueue"/>).
/// The caller checks the permission (<c>integration.administer</c>).
/// </summary>
public sealed class BulkImports(CtmsDbContext db, BulkImportQueue queue, BulkImporter importer, IOptions<BulkImportOptions> options, ICurrentUser user,
    TimeProvider clock)
{
    public const int FirstErrors = 100;

    public async Task<BulkImportRunDto> UploadAsync(string fileName, Stream content, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw DomainValidationException.For("file", "Send the ndjson file as the multipart field 'file'.");
        }
        var run = new BulkImportRun(BulkImportSource.Upload, fileName, user.UserName ?? "system", clock.GetUtcNow());
        var path = importer.FilePath(run.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var (sha256, size, firstByte) = await StoreAsync(content, path, ct);
            if (size == 0 || firstByte is null)
            {
                throw DomainValidationException.For("file", "The file is empty.");
            }
            if (firstByte != (byte)'{')
            {
                throw DomainValidationException.For("file", "The file is not ndjson: each line must be one FHIR Observation as a JSON object.");
            }
            run.Stored(sha256, size);
            db.BulkImportRuns.Add(run);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        queue.TryEnqueue(run.Id);
        return await GetAsync(run.Id, ct);
    }

    /// <summary>A run that exports the hospital's lab Observations and imports them.</summary>
    public async Task<BulkImportRunDto> FromHospitalAsync(CancellationToken ct)
    {
        var run = new BulkImportRun(BulkImportSource.HospitalExport, "Observation.ndjson", user.UserName ?? "system", clock.GetUtcNow());
        db.BulkImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        queue.TryEnqueue(run.Id);
        return await GetAsync(run.Id, ct);
    }

    /// <summary>Continues a failed (or interrupted) run from its checkpoint.</summary>
    public async Task<BulkImportRunDto> ResumeAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.BulkImportRuns.FirstOrDefaultAsync(r => r.Id == runId, ct) ?? throw new NotFoundException($"Import run {runId} was not found.");
        if (run.IsFinished)
        {
            throw new ConflictException($"Import run {runId} has finished ({run.Status}); import the file again to start a new run.");
        }
        if (queue.IsActive(runId))
        {
            throw new ConflictException($"Import run {runId} is already running.");
        }
        run.Resume();
        await db.SaveChangesAsync(ct);
        queue.TryEnqueue(runId);
        return await GetAsync(runId, ct);
    }

    public async Task<IReadOnlyList<BulkImportRunDto>> ListAsync(int limit, CancellationToken ct)
    {
        // Newest first by the id (a version 7 GUID is time-ordered): SQLite cannot order by a DateTimeOffset.
        var runs = await db.BulkImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(limit, 1, 500)).ToListAsync(ct);
        return runs.Select(r => Dto(r, null)).ToList();
    }

    /// <summary>The run with its first <see cref="FirstErrors"/> broken lines.</summary>
    public async Task<BulkImportRunDto> GetAsync(Guid runId, CancellationToken ct)
    {
        var run = await db.BulkImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct)
            ?? throw new NotFoundException($"Import run {runId} was not found.");
        var errors = await db.BulkImportErrors.AsNoTracking().Where(e => e.RunId == runId).OrderBy(e => e.LineNumber).Take(FirstErrors)
            .Select(e => new BulkImportErrorDto(e.LineNumber, e.Reason)).ToListAsync(ct);
        return Dto(run, errors);
    }

    private BulkImportRunDto Dto(BulkImportRun r, IReadOnlyList<BulkImportErrorDto>? errors) =>
        new(r.Id, r.Source, r.FileName, r.Sha256, r.SizeBytes, r.StartedBy, r.StartedAt, r.Status, r.LinesRead, r.Imported, r.Duplicates,
            r.NotRegistered, r.BrokenLines, r.CheckpointLine, r.CheckpointOffset, r.FinishedAt, r.Error, queue.IsActive(r.Id), errors);

    private async Task<(string Sha256, long Size, byte? FirstByte)> StoreAsync(Stream content, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        byte? first = null;
        var buffer = new byte[1 << 16];
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            if (size + read > options.Value.MaxUploadBytes)
            {
                throw DomainValidationException.For("file", $"The file is larger than {options.Value.MaxUploadBytes} bytes.");
            }
            first ??= FirstNonBlank(buffer.AsSpan(0, read));
            hash.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            size += read;
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size, first);
    }

    private static byte? FirstNonBlank(ReadOnlySpan<byte> bytes)
    {
        var trimmed = bytes.TrimStart(" \t\r\n"u8);
        // A UTF-8 byte order mark (EF BB BF) is allowed before the first object.
        if (trimmed.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            trimmed = trimmed[3..].TrimStart(" \t\r\n"u8);
        }
        return trimmed.IsEmpty ? null : trimmed[0];
    }
}
