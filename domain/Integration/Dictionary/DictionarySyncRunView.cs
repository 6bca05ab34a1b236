namespace Ctms.Domain.Integration.Dictionary;

/// <summary>A run of the dictionary sync as its log shows it.</summary>
public sealed record DictionarySyncRunView(Guid Id, DictionarySyncTrigger Trigger, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    DictionarySyncStatus Status, string? Error, Guid? ResumesRunId, IReadOnlyList<DictionarySyncKindView> Kinds)
{
    public int Added => Kinds.Sum(k => k.Added);
    public int Updated => Kinds.Sum(k => k.Updated);
    public int Deactivated => Kinds.Sum(k => k.Deactivated);
    public int Read => Kinds.Sum(k => k.Read);

    public static DictionarySyncRunView From(DictionarySyncRun r) => new(r.Id, r.Trigger, r.StartedBy, r.StartedAt, r.FinishedAt, r.Status, r.Error,
        r.ResumesRunId, r.Kinds.OrderBy(k => k.Kind).Select(k => new DictionarySyncKindView(k.Kind.Name(), k.Pages, k.Read, k.Added, k.Updated,
            k.Unchanged, k.Deactivated, k.Completed)).ToList());
}

/// <summary>What a run did to one dictionary (<see cref="Kind"/> as in the URLs: <c>lab-item</c>).</summary>
public sealed record DictionarySyncKindView(string Kind, int Pages, int Read, int Added, int Updated, int Unchanged, int Deactivated, bool Completed);
