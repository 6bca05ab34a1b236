namespace Ctms.Domain.Subjects.Randomization.Algorithms;

/// <summary>Strata: the combinations of the factors' levels, named "sex=F;age=&lt;65" in the factors' order.</summary>
public static class Strata
{
    public static IReadOnlyList<string> All(IReadOnlyList<RandomizationFactor> factors)
    {
        if (factors.Count == 0)
        {
            return [ListGenerator.AllSubjects];
        }
        IEnumerable<string> combos = [""];
        foreach (var factor in factors)
        {
            combos = [.. combos.SelectMany(prefix => factor.Levels.Select(level => prefix.Length == 0 ? $"{factor.Code}={level}" : $"{prefix};{factor.Code}={level}"))];
        }
        return [.. combos];
    }

    /// <summary>The stratum of a subject with these levels (every factor must have one of its levels).</summary>
    public static string Of(IReadOnlyList<RandomizationFactor> factors, IReadOnlyDictionary<string, string> levels) =>
        factors.Count == 0 ? ListGenerator.AllSubjects : string.Join(';', factors.Select(f => $"{f.Code}={levels[f.Code]}"));
}
