namespace Ctms.Domain.Integration.Dictionary;

/// <summary>
/// The hospital's dictionaries (departments, staff, drug catalogue, lab and exam items), read page by page in the order
/// of their last change, so a sync can resume from the last change it committed. Failures surface as
/// <see cref="Hospital.HospitalUnavailableException"/> or <see cref="Hospital.HospitalResponseException"/>.
/// </summary>
public interface IHospitalDictionaries
{
    /// <summary>
    /// One page of <paramref name="kind"/>'s entries changed at or after <paramref name="changedSince"/> (all when null),
    /// oldest change first; <paramref name="next"/> is the link a previous page returned (null for the first page).
    /// </summary>
    Task<DictionaryPage> ReadPageAsync(DictionaryKind kind, DateTimeOffset? changedSince, string? next, CancellationToken ct);
}

/// <summary>A page of dictionary entries and the link to the next page (null on the last one).</summary>
public sealed record DictionaryPage(IReadOnlyList<DictionaryItem> Items, string? Next);

/// <summary>
/// One dictionary entry as the hospital gives it: its code, display, an alias (a second display, e.g. the Chinese name),
/// a few attributes of its kind (drug form and strength, lab unit and reference range, staff role), whether it is in use,
/// and the hospital's version and time of its last change.
/// </summary>
public sealed record DictionaryItem(string Code, string Display, string? Alias, IReadOnlyDictionary<string, string> Attributes, bool Active,
    string? VersionId, DateTimeOffset LastUpdated);
