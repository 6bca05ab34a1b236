namespace Ctms.Engine.Feel.Ast;

/// <summary>A context literal; each entry sees the entries before it.</summary>
internal sealed class ContextNode(int position, IReadOnlyList<KeyValuePair<string, Node>> entries)
    : Node(position)
{
    protected override IEnumerable<Node?> Children => entries.Select(e => e.Value);

    protected override object? Eval(Scope scope, EvalState state)
    {
        var context = new FeelContextValue();
        var inner = scope.WithEntries(context);
        foreach (var (key, value) in entries)
        {
            context.Set(key, value.Evaluate(inner, state));
        }

        return context;
    }
}
