using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Dictionary;

/// <summary>
/// How far the sync got in one dictionary: the hospital's last-change time of the last page committed. Saved in the same
/// transaction as that page, so the next run reads from here (<c>_lastUpdated=ge</c> the watermark: the entries at the
/// boundary are read again and found unchanged) and nothing is lost or added twice, wherever a run stopped.
/// </summary>
public sealed class DictionarySyncCursor
{
    private DictionarySyncCursor() { }

    internal DictionarySyncCursor(DictionaryKind kind) => Kind = kind;

    public DictionaryKind Kind { get; private set; }

    /// <summary>The latest <c>meta.lastUpdated</c> fully committed; null before the first page.</summary>
    public DateTimeOffset? Watermark { get; private set; }

    public Guid? LastRunId { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    internal void Advance(DateTimeOffset watermark, Guid runId, DateTimeOffset at)
    {
        if (Watermark is null || watermark > Watermark)
        {
            Watermark = watermark;
        }
        LastRunId = runId;
        UpdatedAt = at;
    }
}

internal sealed class DictionarySyncCursorConfiguration : IEntityTypeConfiguration<DictionarySyncCursor>
{
    public void Configure(EntityTypeBuilder<DictionarySyncCursor> b)
    {
        b.ToTable("dictionary_sync_cursors");
        b.HasKey(c => c.Kind);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
