namespace Ctms.Engine.Feel.Ast;

internal sealed class ListNode(int position, IReadOnlyList<Node> items) : Node(position)
{
    protected override IEnumerable<Node?> Children => items;

    protected override object? Eval(Scope scope, EvalState state)
    {
        var list = new List<object?>(items.Count);
        foreach (var item in items)
        {
            list.Add(item.Evaluate(scope, state));
        }

        return list;
    }
}
