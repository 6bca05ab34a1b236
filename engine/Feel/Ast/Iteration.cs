using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>One "name in source" of a for or quantified expression; source may be a range "a..b" (for only).</summary>
internal sealed class Iteration(int position, string name, Node source, Node? rangeEnd) : Node(position)
{
    public string Name { get; } = name;

    protected override IEnumerable<Node?> Children => [source, rangeEnd];

    /// <summary>The values to iterate, or null when the source is null or not iterable.</summary>
    public IEnumerable<object?>? Values(Scope scope, EvalState state)
    {
        var first = source.Evaluate(scope, state);
        if (rangeEnd is null)
        {
            return Kinds.AsList(first);
        }

        if (!Kinds.TryInt(first, out var from) || !Kinds.TryInt(rangeEnd.Evaluate(scope, state), out var to))
        {
            return null;
        }

        ValueLimits.CheckListSize(Math.Abs((long)to - from) + 1);
        return Range(from, to);
    }

    protected override object? Eval(Scope scope, EvalState state) => Values(scope, state)?.ToList();

    private static IEnumerable<object?> Range(int from, int to)
    {
        var step = from <= to ? 1 : -1;
        for (long i = from; step > 0 ? i <= to : i >= to; i += step)
        {
            yield return (decimal)i;
        }
    }
}
