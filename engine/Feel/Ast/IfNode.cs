namespace Ctms.Engine.Feel.Ast;

/// <summary>if c then a else b: any condition other than true takes the else branch.</summary>
internal sealed class IfNode(int position, Node condition, Node then, Node otherwise) : Node(position)
{
    protected override IEnumerable<Node?> Children => [condition, then, otherwise];

    protected override object? Eval(Scope scope, EvalState state) =>
        condition.Evaluate(scope, state) is true ? then.Evaluate(scope, state) : otherwise.Evaluate(scope, state);
}
