using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>List functions that search or reorder with FEEL equality and ordering: index of, union,
/// distinct values, list contains, sort and is empty.</summary>
internal static class ListQueryFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("index of", ["list", "match"], (a, s) => IndexOf(Kinds.AsList(a[0]), a[1], s));
        r.Add("union", ["lists"], (a, s) => ListFunctions.Concatenate(a, s) is { } all ? Distinct(all, s) : null, required: 0, varArgs: true);
        r.Add("distinct values", ["list"], (a, s) => Kinds.AsList(a[0]) is { } list ? Distinct(list, s) : null);
        r.Add("list contains", ["list", "element"], (a, s) => Contains(Kinds.AsList(a[0]), a[1], s));
        r.Add("sort", ["list", "precedes"], (a, s) => Args.At(a, 1) switch
        {
            null => Sort(Kinds.AsList(a[0]), s),
            FeelLambda precedes => SortWith(Kinds.AsList(a[0]), precedes, s),
            _ => null,
        }, required: 1);
        r.Add("is empty", ["list"], (a, _) => Kinds.AsList(a[0]) is { } list ? list.Count == 0 : null);
    }

    private static List<object?>? IndexOf(IReadOnlyList<object?>? list, object? match, EvalState state)
    {
        if (list is null)
        {
            return null;
        }

        state.Step(list.Count);
        return [.. Enumerable.Range(0, list.Count).Where(i => Equality.IsEqual(list[i], match)).Select(i => (object?)(decimal)(i + 1))];
    }

    private static List<object?> Distinct(IReadOnlyList<object?> list, EvalState state)
    {
        var kept = new List<object?>();
        foreach (var item in list)
        {
            state.Step(1 + kept.Count);
            if (!kept.Any(k => Equality.IsEqual(k, item)))
            {
                kept.Add(item);
            }
        }

        return kept;
    }

    private static bool? Contains(IReadOnlyList<object?>? list, object? element, EvalState state)
    {
        if (list is null)
        {
            return null;
        }

        state.Step(list.Count);
        return list.Any(item => Equality.IsEqual(item, element));
    }

    /// <summary>A stable merge sort where precedes(x, y) = true puts x before y.</summary>
    private static List<object?>? SortWith(IReadOnlyList<object?>? list, FeelLambda precedes, EvalState state)
    {
        if (list is null)
        {
            return null;
        }

        var items = list.ToArray();
        var buffer = new object?[items.Length];
        for (var width = 1; width < items.Length; width *= 2)
        {
            for (var left = 0; left < items.Length; left += 2 * width)
            {
                int middle = Math.Min(left + width, items.Length), end = Math.Min(left + (2 * width), items.Length);
                int i = left, j = middle, k = left;
                while (i < middle && j < end)
                {
                    buffer[k++] = precedes.Invoke(state, items[j], items[i]) is true ? items[j++] : items[i++];
                }

                Array.Copy(items, i, buffer, k, middle - i);
                Array.Copy(items, j, buffer, k + middle - i, end - j);
            }

            (items, buffer) = (buffer, items);
        }

        return [.. items];
    }

    private static List<object?>? Sort(IReadOnlyList<object?>? list, EvalState state)
    {
        if (list is null || list.Any(item => Ordering.Compare(item, list[0]) is null))
        {
            return null;
        }

        state.Step(list.Count * (1 + (long)Math.Log2(list.Count + 1)));
        return [.. list.Order(Comparer<object?>.Create((x, y) => Ordering.Compare(x, y) ?? 0))];
    }
}
