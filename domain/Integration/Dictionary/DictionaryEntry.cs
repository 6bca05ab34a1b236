using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Dictionary;

/// <summary>
/// An entry of the data dictionary, copied from the hospital by the dictionary sync: unique per kind and code, never
/// deleted (an entry the hospital retires becomes inactive, so old records that name it still resolve). Reference data:
/// departments, staff, drugs, lab and exam items; no patient data.
/// </summary>
public sealed class DictionaryEntry
{
    public const int CodeMax = 64;
    public const int DisplayMax = 300;
    public const int AttributesMax = 2000;
    public const int VersionMax = 64;

    private static readonly JsonSerializerOptions Json = new();

    private DictionaryEntry() { }

    internal DictionaryEntry(DictionaryKind kind, DictionaryItem item, Guid runId, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Code = item.Code;
        FirstSyncedAt = at;
        Take(item, runId, at);
    }

    public Guid Id { get; private set; }
    public DictionaryKind Kind { get; private set; }
    public string Code { get; private set; } = "";
    public string Display { get; private set; } = "";

    /// <summary>A second display when the hospital gives one (the Chinese name of a department, an alias).</summary>
    public string? Alias { get; private set; }

    /// <summary>The kind's few attributes as a JSON object of strings (keys sorted, so equal content is equal text).</summary>
    public string Attributes { get; private set; } = "{}";

    public bool Active { get; private set; }

    /// <summary>The hospital's version id of the entry (FHIR <c>meta.versionId</c>).</summary>
    public string? VersionId { get; private set; }

    /// <summary>When the hospital last changed it (FHIR <c>meta.lastUpdated</c>).</summary>
    public DateTimeOffset HospitalLastUpdated { get; private set; }

    public DateTimeOffset FirstSyncedAt { get; private set; }
    public DateTimeOffset LastSyncedAt { get; private set; }

    /// <summary>The sync run that added it or last changed it.</summary>
    public Guid LastChangedByRunId { get; private set; }

    public IReadOnlyDictionary<string, string> AttributeValues =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes, Json) ?? [];

    /// <summary>What an item means for this entry: nothing new, a change, or a change that takes it out of use.</summary>
    internal DictionaryChange Compare(DictionaryItem item)
    {
        var same = Display == Clip(item.Display, DisplayMax) && Alias == ClipOrNull(item.Alias) && Attributes == Serialize(item.Attributes)
                   && Active == item.Active && VersionId == ClipOrNull(item.VersionId, VersionMax);
        return same ? DictionaryChange.Unchanged : Active && !item.Active ? DictionaryChange.Deactivated : DictionaryChange.Updated;
    }

    /// <summary>Applies an item; returns what it was for the run's counts.</summary>
    internal DictionaryChange Apply(DictionaryItem item, Guid runId, DateTimeOffset at)
    {
        var change = Compare(item);
        LastSyncedAt = at;
        if (change != DictionaryChange.Unchanged)
        {
            Take(item, runId, at);
        }
        return change;
    }

    private void Take(DictionaryItem item, Guid runId, DateTimeOffset at)
    {
        Display = Clip(item.Display, DisplayMax);
        Alias = ClipOrNull(item.Alias);
        Attributes = Serialize(item.Attributes);
        Active = item.Active;
        VersionId = ClipOrNull(item.VersionId, VersionMax);
        HospitalLastUpdated = item.LastUpdated.ToUniversalTime();
        LastSyncedAt = at;
        LastChangedByRunId = runId;
    }

    internal static string Serialize(IReadOnlyDictionary<string, string> attributes)
    {
        var text = JsonSerializer.Serialize(new SortedDictionary<string, string>(attributes.ToDictionary(), StringComparer.Ordinal), Json);
        return text.Length <= AttributesMax ? text : "{}";
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];

    private static string? ClipOrNull(string? value, int max = DisplayMax) => string.IsNullOrWhiteSpace(value) ? null : Clip(value, max);
}

/// <summary>What one item of a page did to the dictionary.</summary>
internal enum DictionaryChange
{
    Added,
    Updated,
    Unchanged,
    Deactivated,
}

internal sealed class DictionaryEntryConfiguration : IEntityTypeConfiguration<DictionaryEntry>
{
    public void Configure(EntityTypeBuilder<DictionaryEntry> b)
    {
        b.ToTable("dictionary_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Code).HasMaxLength(DictionaryEntry.CodeMax).IsRequired();
        b.HasIndex(e => new { e.Kind, e.Code }).IsUnique();
        b.Property(e => e.Display).HasMaxLength(DictionaryEntry.DisplayMax).IsRequired();
        b.Property(e => e.Alias).HasMaxLength(DictionaryEntry.DisplayMax);
        b.Property(e => e.Attributes).HasMaxLength(DictionaryEntry.AttributesMax).IsRequired();
        b.Property(e => e.VersionId).HasMaxLength(DictionaryEntry.VersionMax);
        b.Ignore(e => e.AttributeValues);
        b.HasIndex(e => e.LastChangedByRunId);
    }
}
