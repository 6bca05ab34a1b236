using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>count, sum, product, min, max, mean, median, stddev and mode.</summary>
internal static class AggregateFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("count", ["list"], (a, _) => Kinds.AsList(a[0]) is { } list ? (decimal)list.Count : null);
        r.Add("sum", ["list"], (a, s) => Reduce(a, s, numbers => numbers.Sum()), varArgs: true);
        r.Add("product", ["list"], (a, s) => Reduce(a, s, numbers => numbers.Aggregate(1m, (x, y) => x * y)), varArgs: true);
        r.Add("mean", ["list"], (a, s) => Reduce(a, s, numbers => numbers.Sum() / numbers.Count), varArgs: true);
        r.Add("median", ["list"], (a, s) => Reduce(a, s, Median), varArgs: true);
        r.Add("stddev", ["list"], (a, s) => Reduce(a, s, StandardDeviation), varArgs: true);
        r.Add("mode", ["list"], (a, s) => Mode(Args.Numbers(Args.ListOrVarargs(a)), s), varArgs: true);
        r.Add("min", ["list"], (a, s) => Extreme(Args.ListOrVarargs(a), s, sign: -1), varArgs: true);
        r.Add("max", ["list"], (a, s) => Extreme(Args.ListOrVarargs(a), s, sign: 1), varArgs: true);
    }

    /// <summary>Applies an aggregate to a non-empty list of numbers; null for an empty list, non-numbers or overflow.</summary>
    private static decimal? Reduce(IReadOnlyList<object?> args, EvalState state, Func<List<decimal>, decimal?> aggregate)
    {
        var numbers = Args.Numbers(Args.ListOrVarargs(args));
        if (numbers is null || numbers.Count == 0)
        {
            return null;
        }

        state.Step(numbers.Count);
        try
        {
            return aggregate(numbers);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static object? Extreme(IReadOnlyList<object?>? items, EvalState state, int sign)
    {
        if (items is null || items.Count == 0)
        {
            return null;
        }

        state.Step(items.Count);
        var best = items[0];
        foreach (var item in items.Skip(1))
        {
            if (Ordering.Compare(item, best) is not { } order)
            {
                return null;
            }

            best = order * sign > 0 ? item : best;
        }

        return Ordering.Compare(best, best) is null ? null : best;
    }

    private static decimal? Median(List<decimal> numbers)
    {
        numbers.Sort();
        var middle = numbers.Count / 2;
        return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }

    private static decimal? StandardDeviation(List<decimal> numbers)
    {
        if (numbers.Count < 2)
        {
            return null;
        }

        var mean = numbers.Sum() / numbers.Count;
        var squares = numbers.Sum(n => (n - mean) * (n - mean));
        return DecimalMath.Sqrt(squares / (numbers.Count - 1));
    }

    private static List<object?>? Mode(List<decimal>? numbers, EvalState state)
    {
        if (numbers is null)
        {
            return null;
        }

        state.Step(numbers.Count);
        var groups = numbers.GroupBy(n => n).ToList();
        var most = groups.Count == 0 ? 0 : groups.Max(g => g.Count());
        return [.. groups.Where(g => g.Count() == most).Select(g => g.Key).Order().Cast<object?>()];
    }
}
