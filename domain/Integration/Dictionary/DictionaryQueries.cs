using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Dictionary;

/// <summary>A dictionary entry as anyone signed in may read it (reference data).</summary>
public sealed record DictionaryEntryView(Guid Id, string Kind, string Code, string Display, string? Alias, IReadOnlyDictionary<string, string> Attributes,
    bool Active, string? VersionId, DateTimeOffset HospitalLastUpdated, DateTimeOffset FirstSyncedAt, DateTimeOffset LastSyncedAt, Guid LastChangedByRunId)
{
    public static DictionaryEntryView From(DictionaryEntry e) => new(e.Id, e.Kind.Name(), e.Code, e.Display, e.Alias, e.AttributeValues, e.Active,
        e.VersionId, e.HospitalLastUpdated, e.FirstSyncedAt, e.LastSyncedAt, e.LastChangedByRunId);
}

/// <summary>One page of a dictionary, and how many entries match in all.</summary>
public sealed record DictionaryEntriesPage(int Total, int Offset, IReadOnlyList<DictionaryEntryView> Items);

/// <summary>
/// A dictionary's entries by code (<paramref name="Kind"/>: department, staff, drug, lab-item, exam-item), optionally those whose
/// code, display or alias contains <paramref name="Search"/> (any case) and only the active or inactive ones.
/// </summary>
public sealed record ListDictionaryEntries(string Kind, string? Search = null, bool? Active = null, int Offset = 0, int Limit = 50)
    : IQuery<DictionaryEntriesPage>, IValidatable
{
    public const int MaxLimit = 500;

    public void Validate(Validator v) => v
        .Optional(nameof(Search), Search, 100)
        .Must(Offset >= 0, nameof(Offset), "Offset must not be negative.")
        .Must(Limit is > 0 and <= MaxLimit, nameof(Limit), $"Limit must be between 1 and {MaxLimit}.");
}

/// <summary>The dictionary sync's run log, newest first (integration administrators).</summary>
public sealed record ListDictionarySyncRuns(int Limit = 50) : IQuery<IReadOnlyList<DictionarySyncRunView>>;

/// <summary>One run of the dictionary sync (integration administrators).</summary>
public sealed record GetDictionarySyncRun(Guid RunId) : IQuery<DictionarySyncRunView>;

public sealed class DictionaryQueries(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListDictionaryEntries, DictionaryEntriesPage>, IQueryHandler<ListDictionarySyncRuns, IReadOnlyList<DictionarySyncRunView>>,
        IQueryHandler<GetDictionarySyncRun, DictionarySyncRunView>
{
    public async ValueTask<DictionaryEntriesPage> Handle(ListDictionaryEntries query, CancellationToken ct)
    {
        if (!DictionaryKinds.TryParse(query.Kind, out var kind))
        {
            throw new NotFoundException($"There is no dictionary '{query.Kind}'; the dictionaries are {string.Join(", ", DictionaryKinds.All.Select(k => k.Name()))}.");
        }
        var entries = db.DictionaryEntries.AsNoTracking().Where(e => e.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): no culture to give, and no StringComparison overload translates
            entries = entries.Where(e => e.Code.ToLower().Contains(term) || e.Display.ToLower().Contains(term) || (e.Alias != null && e.Alias.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (query.Active is { } active)
        {
            entries = entries.Where(e => e.Active == active);
        }
        var total = await entries.CountAsync(ct);
        var page = await entries.OrderBy(e => e.Code).Skip(query.Offset).Take(query.Limit).ToListAsync(ct);
        return new DictionaryEntriesPage(total, query.Offset, page.Select(DictionaryEntryView.From).ToList());
    }

    public async ValueTask<IReadOnlyList<DictionarySyncRunView>> Handle(ListDictionarySyncRuns query, CancellationToken ct)
    {
        await EnsureAdministratorAsync(access, user, ct);
        // Ids are version 7 GUIDs: by id is by start.
        var runs = await db.DictionarySyncRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(query.Limit, 1, 500)).ToListAsync(ct);
        return runs.Select(DictionarySyncRunView.From).ToList();
    }

    public async ValueTask<DictionarySyncRunView> Handle(GetDictionarySyncRun query, CancellationToken ct)
    {
        await EnsureAdministratorAsync(access, user, ct);
        var run = await db.DictionarySyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.RunId, ct)
            ?? throw new NotFoundException($"Dictionary sync run {query.RunId} was not found.");
        return DictionarySyncRunView.From(run);
    }

    internal static async Task EnsureAdministratorAsync(ProjectAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.IntegrationAdminister, ct))
        {
            throw new ForbiddenException("The dictionary sync is run by the integration administrators (integration.administer).");
        }
    }
}
