namespace Ctms.Domain.Subjects.Randomization.Algorithms;

/// <summary>How the imbalance of a factor level across the arms is measured.</summary>
public enum ImbalanceMeasure
{
    /// <summary>Largest minus smallest ratio-adjusted count (Pocock-Simon's range).</summary>
    Range,

    /// <summary>Variance of the ratio-adjusted counts.</summary>
    Variance,
}

/// <summary>A subject already allocated, as minimization counts it: the arm and the subject's level of each factor.</summary>
public sealed record MinimizedSubject(string Arm, IReadOnlyDictionary<string, string> Levels);

/// <summary>
/// Pocock-Simon minimization. For each arm, the total imbalance the new subject would cause if given that arm: for each
/// factor, the imbalance of the counts of the subject's level across the arms (each count divided by the arm's ratio, so
/// 2:1 is "balanced" at 2:1), weighted by the factor's weight and summed. The arm with the least total is chosen with
/// probability <c>p</c>, another arm otherwise; ties among the least are broken at random; when every arm ties the
/// choice is random in the ratios. The random element is drawn from the seeded stream of the subject's sequence number,
/// so a replay of the allocations in order reproduces every choice.
/// </summary>
public static class Minimization
{
    public static string Allocate(string seed, int sequence, IReadOnlyList<ArmRatio> arms, IReadOnlyList<RandomizationFactor> factors,
        IReadOnlyList<MinimizedSubject> previous, IReadOnlyDictionary<string, string> levels, double probability,
        ImbalanceMeasure measure = ImbalanceMeasure.Range, IReadOnlyDictionary<string, double>? weights = null)
    {
        var stream = new SeededStream(seed, $"minimization:{sequence}");
        var totals = arms.Select(arm => (arm, total: Imbalance(arm.Code, arms, factors, previous, levels, measure, weights))).ToList();
        var least = totals.Min(t => t.total);
        var best = totals.Where(t => Math.Abs(t.total - least) < 1e-9).Select(t => t.arm).ToList();
        if (best.Count == arms.Count)
        {
            return Weighted(stream, arms);
        }
        var others = arms.Except(best).ToList();
        var pickBest = stream.NextDouble() < probability;
        var pool = pickBest ? best : others;
        return pool[stream.NextInt(pool.Count)].Code;
    }

    /// <summary>The weighted total imbalance over the factors if the new subject were given <paramref name="candidate"/>.</summary>
    public static double Imbalance(string candidate, IReadOnlyList<ArmRatio> arms, IReadOnlyList<RandomizationFactor> factors,
        IReadOnlyList<MinimizedSubject> previous, IReadOnlyDictionary<string, string> levels, ImbalanceMeasure measure,
        IReadOnlyDictionary<string, double>? weights)
    {
        var total = 0.0;
        foreach (var factor in factors)
        {
            var level = levels[factor.Code];
            var adjusted = arms.Select(arm =>
            {
                var count = previous.Count(s => s.Arm == arm.Code && s.Levels.TryGetValue(factor.Code, out var l) && l == level)
                            + (arm.Code == candidate ? 1 : 0);
                return (double)count / arm.Ratio;
            }).ToList();
            var imbalance = measure == ImbalanceMeasure.Range
                ? adjusted.Max() - adjusted.Min()
                : adjusted.Select(c => (c - adjusted.Average()) * (c - adjusted.Average())).Average();
            total += (weights is not null && weights.TryGetValue(factor.Code, out var w) ? w : 1.0) * imbalance;
        }
        return total;
    }

    private static string Weighted(SeededStream stream, IReadOnlyList<ArmRatio> arms)
    {
        var draw = stream.NextInt(arms.Sum(a => a.Ratio));
        return arms.First(a => (draw -= a.Ratio) < 0).Code;
    }
}
