using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>A unary test such as &lt; 5 or != "x".</summary>
internal sealed class ComparisonTest(int position, string op, Node endpoint) : UnaryTest(position)
{
    protected override IEnumerable<Node?> Children => [endpoint];

    public override bool? Matches(object? input, Scope scope, EvalState state)
    {
        state.Step();
        return Ordering.Apply(op, input, endpoint.Evaluate(scope, state));
    }
}
