using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>
/// A unary test given as an expression: a list matches when it contains the input, a boolean
/// (for a non-boolean input, e.g. using ?) is the answer, any other value matches when equal.
/// </summary>
internal sealed class ExpressionTest(int position, Node expression) : UnaryTest(position)
{
    protected override IEnumerable<Node?> Children => [expression];

    public override bool? Matches(object? input, Scope scope, EvalState state)
    {
        var expected = expression.Evaluate(scope.With(InputName, input), state);
        switch (expected)
        {
            case IReadOnlyList<object?> list when input is not IReadOnlyList<object?>:
                state.Step(list.Count);
                return list.Any(item => Equality.IsEqual(input, item));
            case IReadOnlyList<object?> list when Equality.IsEqual(input, list):
                return true;
            case IReadOnlyList<object?> list:
                state.Step(list.Count);
                return list.Any(item => Equality.IsEqual(input, item));
            case bool b when input is not bool:
                return b;
            default:
                return Equality.Equal(input, expected);
        }
    }
}
