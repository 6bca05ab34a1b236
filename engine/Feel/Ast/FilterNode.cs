using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>
/// list[filter]: a number picks an item (1-based, negative from the end, out of range gives null);
/// anything else keeps the items for which the filter is true, with item (and a context item's keys) in scope.
/// A non-list is filtered as a singleton list.
/// </summary>
internal sealed class FilterNode(int position, Node source, Node filter) : Node(position)
{
    private const string ItemName = "item";

    protected override IEnumerable<Node?> Children => [source, filter];

    protected override object? Eval(Scope scope, EvalState state)
    {
        if (Kinds.AsList(source.Evaluate(scope, state)) is not { } list)
        {
            return null;
        }

        var first = filter.Evaluate(list.Count > 0 ? ItemScope(scope, list[0]) : scope, state);
        if (first is decimal index)
        {
            return At(list, index);
        }

        var kept = new List<object?>();
        for (var i = 0; i < list.Count; i++)
        {
            var result = i == 0 ? first : filter.Evaluate(ItemScope(scope, list[i]), state);
            if (result is true)
            {
                kept.Add(list[i]);
            }
        }

        return kept;
    }

    private static object? At(IReadOnlyList<object?> list, decimal index)
    {
        if (!Kinds.IsInteger(index) || index == 0 || decimal.Abs(index) > list.Count)
        {
            return null;
        }

        return index > 0 ? list[(int)index - 1] : list[list.Count + (int)index];
    }

    private static Scope ItemScope(Scope scope, object? item)
    {
        var inner = scope.With(ItemName, item);
        return item is IReadOnlyDictionary<string, object?> context ? inner.WithEntries(context) : inner;
    }
}
