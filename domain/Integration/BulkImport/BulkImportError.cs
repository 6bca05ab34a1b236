using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.BulkImport;

/// <summary>
/// A broken line of a bulk import: its number and why it was skipped. Never the line's content, which may hold patient
/// data. A run keeps the first <see cref="BulkImportOptions.MaxErrorsKept"/>; the rest are only counted
/// (<see cref="BulkImportRun.BrokenLines"/>).
/// </summary>
public sealed class BulkImportError
{
    public const int ReasonMax = 300;

    private BulkImportError() { }

    internal BulkImportError(Guid runId, long lineNumber, string reason)
    {
        Id = Guid.CreateVersion7();
        RunId = runId;
        LineNumber = lineNumber;
        Reason = reason.Length > ReasonMax ? reason[..ReasonMax] : reason;
    }

    public Guid Id { get; private set; }
    public Guid RunId { get; private set; }
    public long LineNumber { get; private set; }
    public string Reason { get; private set; } = "";
}

internal sealed class BulkImportErrorConfiguration : IEntityTypeConfiguration<BulkImportError>
{
    public void Configure(EntityTypeBuilder<BulkImportError> b)
    {
        b.ToTable("bulk_import_errors");
        b.HasKey(e => e.Id);
        b.Property(e => e.Reason).HasMaxLength(BulkImportError.ReasonMax).IsRequired();
        b.HasOne<BulkImportRun>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.RunId, e.LineNumber });
    }
}
