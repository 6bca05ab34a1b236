namespace Ctms.Engine.Feel.Ast;

/// <summary>Three-valued and/or: false and x = false, true or x = true, otherwise null unless both operands decide.</summary>
internal sealed class LogicNode(int position, bool isAnd, Node left, Node right) : Node(position)
{
    protected override IEnumerable<Node?> Children => [left, right];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var decisive = !isAnd;
        var a = left.Evaluate(scope, state) as bool?;
        if (a == decisive)
        {
            return decisive;
        }

        var b = right.Evaluate(scope, state) as bool?;
        if (b == decisive)
        {
            return decisive;
        }

        return a is null || b is null ? null : !decisive;
    }
}
