using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>x between a and b, i.e. a &lt;= x and x &lt;= b with three-valued logic.</summary>
internal sealed class BetweenNode(int position, Node value, Node low, Node high) : Node(position)
{
    protected override IEnumerable<Node?> Children => [value, low, high];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var x = value.Evaluate(scope, state);
        var above = Ordering.Apply(">=", x, low.Evaluate(scope, state));
        var below = Ordering.Apply("<=", x, high.Evaluate(scope, state));
        if (above == false || below == false)
        {
            return false;
        }

        return above is null || below is null ? null : true;
    }
}
