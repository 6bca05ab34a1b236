using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

internal sealed class NegateNode(int position, Node operand) : Node(position)
{
    protected override IEnumerable<Node?> Children => [operand];

    protected override object? Eval(Scope scope, EvalState state) => Arithmetic.Negate(operand.Evaluate(scope, state));
}
