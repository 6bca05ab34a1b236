using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>List functions that build lists: sublist, append, concatenate, insert before, remove, reverse,
/// flatten and string join.</summary>
internal static class ListFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("sublist", ["list", "start position", "length"], (a, s) => Sublist(Kinds.AsList(a[0]), Args.At(a, 1), Args.At(a, 2), s), required: 2);
        r.Add("append", ["list", "items"], (a, s) => Kinds.AsList(a[0]) is { } list ? Build(s, list, a.Skip(1).ToList()) : null, required: 1, varArgs: true);
        r.Add("concatenate", ["lists"], (a, s) => Concatenate(a, s), required: 0, varArgs: true);
        r.Add("insert before", ["list", "position", "newItem"], (a, s) => InsertBefore(Kinds.AsList(a[0]), a[1], a[2], s));
        r.Add("remove", ["list", "position"], (a, s) => Remove(Kinds.AsList(a[0]), a[1], s));
        r.Add("reverse", ["list"], (a, s) => Kinds.AsList(a[0]) is { } list ? Build(s, list.Reverse()) : null);
        r.Add("flatten", ["list"], (a, s) => Kinds.AsList(a[0]) is { } list ? Flatten(list, [], s) : null);
        r.Add("string join", ["list", "delimiter", "prefix", "suffix"], (a, s) => StringJoin(a, s), required: 1);
    }

    private static List<object?> Build(EvalState state, params IEnumerable<object?>[] parts)
    {
        var list = new List<object?>();
        foreach (var part in parts)
        {
            list.AddRange(part);
            ValueLimits.CheckListSize(list.Count);
        }

        state.Step(list.Count);
        return list;
    }

    internal static List<object?>? Concatenate(IReadOnlyList<object?> args, EvalState state)
    {
        var lists = args.Select(Kinds.AsList).ToList();
        return lists.Any(l => l is null) ? null : Build(state, [.. lists.Cast<IEnumerable<object?>>()]);
    }

    /// <summary>A 1-based position (negative from the end) as a 0-based index below the limit, or null.</summary>
    private static int? Index(object? position, int count, int limit)
    {
        if (!Kinds.TryInt(position, out var p) || p == 0)
        {
            return null;
        }

        var index = p > 0 ? p - 1 : count + p;
        return index >= 0 && index < limit ? index : null;
    }

    private static List<object?>? Sublist(IReadOnlyList<object?>? list, object? start, object? length, EvalState state)
    {
        if (list is null || Index(start, list.Count, list.Count) is not { } from)
        {
            return null;
        }

        var take = list.Count - from;
        if (length is not null && (!Kinds.TryInt(length, out take) || take < 0))
        {
            return null;
        }

        return Build(state, list.Skip(from).Take(take));
    }

    private static List<object?>? InsertBefore(IReadOnlyList<object?>? list, object? position, object? item, EvalState state) =>
        list is not null && Index(position, list.Count, list.Count + 1) is { } at
            ? Build(state, list.Take(at), [item], list.Skip(at))
            : null;

    private static List<object?>? Remove(IReadOnlyList<object?>? list, object? position, EvalState state) =>
        list is not null && Index(position, list.Count, list.Count) is { } at
            ? Build(state, list.Take(at), list.Skip(at + 1))
            : null;

    private static List<object?> Flatten(IReadOnlyList<object?> list, List<object?> into, EvalState state)
    {
        foreach (var item in list)
        {
            state.Step();
            if (item is IReadOnlyList<object?> inner)
            {
                Flatten(inner, into, state);
            }
            else
            {
                into.Add(item);
                ValueLimits.CheckListSize(into.Count);
            }
        }

        return into;
    }

    private static string? StringJoin(IReadOnlyList<object?> args, EvalState state)
    {
        if (Kinds.AsList(args[0]) is not { } list || list.Any(item => item is not (null or string)))
        {
            return null;
        }

        var parts = new string?[3];
        for (var i = 1; i < 4; i++)
        {
            var value = Args.At(args, i);
            if (value is not (null or string))
            {
                return null;
            }

            parts[i - 1] = (string?)value;
        }

        var strings = list.OfType<string>().ToList();
        var length = strings.Sum(x => (long)x.Length) + ((long)(parts[0]?.Length ?? 0) * Math.Max(0, strings.Count - 1))
            + (parts[1]?.Length ?? 0) + (parts[2]?.Length ?? 0);
        ValueLimits.CheckStringLength(length);
        var joined = parts[1] + string.Join(parts[0], strings) + parts[2];
        state.StepFor(joined);
        return ValueLimits.CheckString(joined);
    }
}
