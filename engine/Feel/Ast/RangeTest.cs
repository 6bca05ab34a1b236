using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>A range test such as [1..10], (1..10] or ]1..10[.</summary>
internal sealed class RangeTest(int position, bool lowClosed, Node low, Node high, bool highClosed) : UnaryTest(position)
{
    protected override IEnumerable<Node?> Children => [low, high];

    public override bool? Matches(object? input, Scope scope, EvalState state)
    {
        state.Step();
        var above = Ordering.Apply(lowClosed ? ">=" : ">", input, low.Evaluate(scope, state));
        var below = Ordering.Apply(highClosed ? "<=" : "<", input, high.Evaluate(scope, state));
        if (above == false || below == false)
        {
            return false;
        }

        return above is null || below is null ? null : true;
    }
}
