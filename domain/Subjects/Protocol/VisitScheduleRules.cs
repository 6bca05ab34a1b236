namespace Ctms.Domain.Subjects.Protocol;

/// <summary>One visit of a subject's schedule: its target day and window, or nulls while its reference day is not known.</summary>
public sealed record PlannedVisit(string Code, string Name, int Sequence, DateOnly? Target, DateOnly? WindowStart, DateOnly? WindowEnd)
{
    /// <summary>Whether <paramref name="day"/> lies in the window (false while the window is not known).</summary>
    public bool InWindow(DateOnly day) => WindowStart is { } start && WindowEnd is { } end && day >= start && day <= end;
}

/// <summary>
/// A subject's schedule from the protocol's visits, on facts only: the consent day, the randomization day and the actual
/// days of the visits done. A visit counted from the previous visit uses that visit's actual day when it was done, else
/// its target day (so the whole schedule can be shown ahead), and has no day while the chain's reference is unknown.
/// </summary>
public static class VisitScheduleRules
{
    public static IReadOnlyList<PlannedVisit> Plan(IEnumerable<VisitDefinition> visits, DateOnly? consentDay, DateOnly? randomizationDay,
        IReadOnlyDictionary<string, DateOnly>? actualDays = null)
    {
        var planned = new List<PlannedVisit>();
        DateOnly? previous = null;
        foreach (var visit in visits.OrderBy(v => v.Sequence).ThenBy(v => v.Code, StringComparer.Ordinal))
        {
            DateOnly? reference = visit.Reference switch
            {
                VisitReference.Consent => consentDay,
                VisitReference.Randomization => randomizationDay,
                _ => previous,
            };
            var target = reference?.AddDays(visit.OffsetDays);
            planned.Add(new PlannedVisit(visit.Code, visit.Name, visit.Sequence, target, target?.AddDays(-visit.WindowBeforeDays),
                target?.AddDays(visit.WindowAfterDays)));
            previous = actualDays is not null && actualDays.TryGetValue(visit.Code, out var actual) ? actual : target;
        }
        return planned;
    }
}
