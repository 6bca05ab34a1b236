using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>get value, get entries, context put, context merge and context.</summary>
internal static class ContextFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("get value", ["m", "key"], (a, _) => a[0] is IReadOnlyDictionary<string, object?> m && a[1] is string k && m.TryGetValue(k, out var v) ? v : null);
        r.Add("get entries", ["m"], (a, s) => a[0] is IReadOnlyDictionary<string, object?> m ? Entries(m, s) : null);
        r.Add("context put", ["context", "key", "value"], (a, s) => a[0] is IReadOnlyDictionary<string, object?> m && a[1] is string k ? Put(m, k, a[2], s) : null);
        r.Add("context merge", ["contexts"], (a, s) => Merge(Kinds.AsList(a[0]), s));
        r.Add("context", ["entries"], (a, s) => FromEntries(Kinds.AsList(a[0]), s));
    }

    private static List<object?> Entries(IReadOnlyDictionary<string, object?> map, EvalState state)
    {
        state.Step(map.Count);
        var entries = new List<object?>(map.Count);
        foreach (var (key, value) in map)
        {
            var entry = new FeelContextValue();
            entry.Set("key", key);
            entry.Set("value", value);
            entries.Add(entry);
        }

        return entries;
    }

    private static FeelContextValue Put(IReadOnlyDictionary<string, object?> map, string key, object? value, EvalState state)
    {
        var copy = Copy(map, new FeelContextValue(), state);
        copy.Set(key, value);
        return copy;
    }

    private static FeelContextValue? Merge(IReadOnlyList<object?>? contexts, EvalState state)
    {
        if (contexts is null || contexts.Any(c => c is not IReadOnlyDictionary<string, object?>))
        {
            return null;
        }

        var merged = new FeelContextValue();
        foreach (var context in contexts.Cast<IReadOnlyDictionary<string, object?>>())
        {
            Copy(context, merged, state);
        }

        return merged;
    }

    private static FeelContextValue? FromEntries(IReadOnlyList<object?>? entries, EvalState state)
    {
        if (entries is null)
        {
            return null;
        }

        state.Step(entries.Count);
        var context = new FeelContextValue();
        foreach (var entry in entries)
        {
            if (entry is not IReadOnlyDictionary<string, object?> e || !e.TryGetValue("key", out var key)
                || key is not string k || context.ContainsKey(k))
            {
                return null;
            }

            context.Set(k, e.TryGetValue("value", out var value) ? value : null);
        }

        return context;
    }

    private static FeelContextValue Copy(IReadOnlyDictionary<string, object?> from, FeelContextValue into, EvalState state)
    {
        state.Step(from.Count);
        foreach (var (key, value) in from)
        {
            into.Set(key, value);
        }

        return into;
    }
}
