using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>A comparison = != &lt; &lt;= &gt; &gt;=; values of different types compare to null.</summary>
internal sealed class CompareNode(int position, string op, Node left, Node right) : Node(position)
{
    protected override IEnumerable<Node?> Children => [left, right];

    protected override object? Eval(Scope scope, EvalState state) =>
        Ordering.Apply(op, left.Evaluate(scope, state), right.Evaluate(scope, state));
}
