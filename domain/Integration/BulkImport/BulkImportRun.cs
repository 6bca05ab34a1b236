using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>Where the file of a bulk import came from.</summary>
public enum BulkImportSource
{
    /// <summary>Uploaded by an integration administrator.</summary>
    Upload,

    /// <summary>Exported by the hospital (FHIR Bulk Data <c>$export</c>) and downloaded by the CTMS.</summary>
    HospitalExport,
}

public enum BulkImportStatus
{
    /// <summary>Queued or importing.</summary>
    Running,
    Succeeded,

    /// <summary>Done, but some lines were broken and skipped (see <see cref="BulkImportError"/>).</summary>
    SucceededWithErrors,

    /// <summary>Stopped before the end of the file; what was committed stays, and the run can be resumed from its checkpoint.</summary>
    Failed,
}

/// <summary>
/// One import of a FHIR Bulk Data (ndjson) file of lab Observations: the file it read (stored in the data folder, so a failed
/// run resumes from <see cref="CheckpointOffset"/>), its counts and its outcome. The run is the audit unit: its start, file,
/// status and error are audited. The result rows it loads (<see cref="Results.LabResult"/>, up to millions) are hospital
/// source data copied read-only and tagged with the run's id, so they are not audited field by field; nor are the counters
/// and the checkpoint, which move with every chunk.
/// </summary>
public sealed class BulkImportRun : IAudited
{
    public const int FileNameMax = 260;
    public const int ErrorMax = 2000;

    private BulkImportRun() { }

    public BulkImportRun(BulkImportSource source, string fileName, string startedBy, DateTimeOffset startedAt)
    {
        Id = Guid.CreateVersion7();
        Source = source;
        FileName = Clip(Path.GetFileName(fileName), FileNameMax);
        StartedBy = startedBy;
        StartedAt = startedAt;
        Status = BulkImportStatus.Running;
    }

    public Guid Id { get; private set; }
    public BulkImportSource Source { get; private set; }

    /// <summary>The file's name as uploaded or as the hospital named it (never a path).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>Lowercase hex SHA-256 of the stored file; null until the hospital's export is downloaded.</summary>
    public string? Sha256 { get; private set; }

    public long SizeBytes { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public BulkImportStatus Status { get; private set; }

    /// <summary>Lines read up to the checkpoint (blank lines excluded).</summary>
    public long LinesRead { get; private set; }

    public long Imported { get; private set; }

    /// <summary>Results already stored (by an earlier run, or twice in the file).</summary>
    public long Duplicates { get; private set; }

    /// <summary>Results of patients the CTMS has not registered: the trial keeps only its own patients' results.</summary>
    public long NotRegistered { get; private set; }

    public long BrokenLines { get; private set; }

    /// <summary>The last line number committed (1-based; 0 = nothing yet).</summary>
    public long CheckpointLine { get; private set; }

    /// <summary>The byte offset in the file just after <see cref="CheckpointLine"/>, where a resumed run starts reading.</summary>
    public long CheckpointOffset { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why the run failed (never a line's content).</summary>
    public string? Error { get; private set; }

    public bool IsFinished => Status is BulkImportStatus.Succeeded or BulkImportStatus.SucceededWithErrors;

    internal void Stored(string sha256, long sizeBytes)
    {
        Sha256 = sha256;
        SizeBytes = sizeBytes;
    }

    /// <summary>Adds one committed chunk's counts and moves the checkpoint past it.</summary>
    internal void Committed(ChunkCounts counts, long line, long offset)
    {
        LinesRead += counts.Lines;
        Imported += counts.Imported;
        Duplicates += counts.Duplicates;
        NotRegistered += counts.NotRegistered;
        BrokenLines += counts.Broken;
        CheckpointLine = line;
        CheckpointOffset = offset;
    }

    internal void Finish(DateTimeOffset at)
    {
        Status = BrokenLines > 0 ? BulkImportStatus.SucceededWithErrors : BulkImportStatus.Succeeded;
        Error = null;
        FinishedAt = at;
    }

    internal void Fail(string error, DateTimeOffset at)
    {
        Status = BulkImportStatus.Failed;
        Error = Clip(error, ErrorMax);
        FinishedAt = at;
    }

    internal void Resume()
    {
        Status = BulkImportStatus.Running;
        Error = null;
        FinishedAt = null;
    }

    private static string Clip(string value, int max) => value.Length > max ? value[..max] : value;
}

/// <summary>What one chunk of lines did.</summary>
internal readonly record struct ChunkCounts(int Lines, int Imported, int Duplicates, int NotRegistered, int Broken);

internal sealed class BulkImportRunConfiguration : IEntityTypeConfiguration<BulkImportRun>
{
    public void Configure(EntityTypeBuilder<BulkImportRun> b)
    {
        b.ToTable("bulk_import_runs");
        b.HasKey(r => r.Id);
        b.Property(r => r.Source).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.FileName).HasMaxLength(BulkImportRun.FileNameMax).IsRequired();
        b.Property(r => r.Sha256).HasMaxLength(64);
        b.Property(r => r.StartedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Error).HasMaxLength(BulkImportRun.ErrorMax);
        b.Property(r => r.LinesRead).IsAuditIgnored();
        b.Property(r => r.Imported).IsAuditIgnored();
        b.Property(r => r.Duplicates).IsAuditIgnored();
        b.Property(r => r.NotRegistered).IsAuditIgnored();
        b.Property(r => r.BrokenLines).IsAuditIgnored();
        b.Property(r => r.CheckpointLine).IsAuditIgnored();
        b.Property(r => r.CheckpointOffset).IsAuditIgnored();
        b.Ignore(r => r.IsFinished);
        b.HasIndex(r => r.StartedAt);
    }
}
