using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Dictionary;

public enum DictionarySyncTrigger
{
    Scheduled,
    Manual,
}

public enum DictionarySyncStatus
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One run of the dictionary sync, its log: who or what started it, how it ended, and per kind how many entries it read,
/// added, updated, found unchanged and deactivated. Its counts are saved with each page it commits, so a run that fails
/// half way says exactly what it did. Only one run is running at a time (<see cref="RunningSlot"/> is unique).
/// </summary>
public sealed class DictionarySyncRun
{
    public const int ErrorMax = 2000;

    private readonly List<DictionarySyncKindCounts> _kinds = [];

    private DictionarySyncRun() { }

    internal DictionarySyncRun(DictionarySyncTrigger trigger, string startedBy, Guid? resumes, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        Trigger = trigger;
        StartedBy = startedBy;
        StartedAt = at;
        HeartbeatAt = at;
        Status = DictionarySyncStatus.Running;
        RunningSlot = 1;
        ResumesRunId = resumes;
        foreach (var kind in DictionaryKinds.All)
        {
            _kinds.Add(new DictionarySyncKindCounts(kind));
        }
    }

    public Guid Id { get; private set; }
    public DictionarySyncTrigger Trigger { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public DictionarySyncStatus Status { get; private set; }

    /// <summary>Why it failed (the operation and the hospital's status; dictionaries hold no patient data).</summary>
    public string? Error { get; private set; }

    /// <summary>The failed run this one picks up after (from the watermarks that run committed).</summary>
    public Guid? ResumesRunId { get; private set; }

    /// <summary>Saved with every page: a run whose heartbeat stopped long ago died with its host and is abandoned.</summary>
    public DateTimeOffset HeartbeatAt { get; private set; }

    /// <summary>1 while running, null after; unique, so a second run cannot start while one runs, on any node.</summary>
    public int? RunningSlot { get; private set; }

    public IReadOnlyList<DictionarySyncKindCounts> Kinds => _kinds;

    internal DictionarySyncKindCounts For(DictionaryKind kind) => _kinds.First(k => k.Kind == kind);

    internal void Beat(DateTimeOffset at) => HeartbeatAt = at;

    internal void Succeed(DateTimeOffset at) => Finish(DictionarySyncStatus.Succeeded, null, at);

    internal void Fail(string error, DateTimeOffset at) => Finish(DictionarySyncStatus.Failed, error.Length <= ErrorMax ? error : error[..ErrorMax], at);

    private void Finish(DictionarySyncStatus status, string? error, DateTimeOffset at)
    {
        Status = status;
        Error = error;
        FinishedAt = at;
        HeartbeatAt = at;
        RunningSlot = null;
    }
}

/// <summary>What a run did to one dictionary.</summary>
public sealed class DictionarySyncKindCounts
{
    private DictionarySyncKindCounts() { }

    internal DictionarySyncKindCounts(DictionaryKind kind) => Kind = kind;

    public DictionaryKind Kind { get; private set; }

    /// <summary>Pages read from the hospital.</summary>
    public int Pages { get; private set; }

    public int Read { get; private set; }
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Deactivated { get; private set; }

    /// <summary>Every page of this dictionary was committed.</summary>
    public bool Completed { get; private set; }

    internal void Count(DictionaryChange change)
    {
        Read++;
        switch (change)
        {
            case DictionaryChange.Added: Added++; break;
            case DictionaryChange.Updated: Updated++; break;
            case DictionaryChange.Unchanged: Unchanged++; break;
            case DictionaryChange.Deactivated: Deactivated++; break;
        }
    }

    internal void PageDone() => Pages++;

    internal void Complete() => Completed = true;
}

internal sealed class DictionarySyncRunConfiguration : IEntityTypeConfiguration<DictionarySyncRun>
{
    public void Configure(EntityTypeBuilder<DictionarySyncRun> b)
    {
        b.ToTable("dictionary_sync_runs");
        b.HasKey(r => r.Id);
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.StartedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Error).HasMaxLength(DictionarySyncRun.ErrorMax);
        b.HasIndex(r => r.RunningSlot).IsUnique();
        b.OwnsMany(r => r.Kinds, k =>
        {
            k.ToTable("dictionary_sync_run_kinds");
            k.WithOwner().HasForeignKey("RunId");
            k.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            k.HasKey("RunId", nameof(DictionarySyncKindCounts.Kind));
        });
        b.Navigation(r => r.Kinds).HasField("_kinds").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
