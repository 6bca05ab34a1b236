namespace Ctms.Domain.Integration.Dictionary;

/// <summary>The hospital dictionaries the CTMS keeps a copy of (reference data, no patient data).</summary>
public enum DictionaryKind
{
    Department,
    Staff,
    Drug,
    LabItem,
    ExamItem,
}

/// <summary>The kinds' names in URLs and views (<c>department</c>, <c>staff</c>, <c>drug</c>, <c>lab-item</c>, <c>exam-item</c>).</summary>
public static class DictionaryKinds
{
    /// <summary>Every kind, in the order a sync processes them.</summary>
    public static readonly IReadOnlyList<DictionaryKind> All = Enum.GetValues<DictionaryKind>();

    public static string Name(this DictionaryKind kind) => kind switch
    {
        DictionaryKind.Department => "department",
        DictionaryKind.Staff => "staff",
        DictionaryKind.Drug => "drug",
        DictionaryKind.LabItem => "lab-item",
        DictionaryKind.ExamItem => "exam-item",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? name, out DictionaryKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
