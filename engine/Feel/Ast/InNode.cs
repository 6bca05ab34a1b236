namespace Ctms.Engine.Feel.Ast;

/// <summary>x in tests: true when any test matches, false when all fail, otherwise null.</summary>
internal sealed class InNode(int position, Node value, IReadOnlyList<UnaryTest> tests) : Node(position)
{
    protected override IEnumerable<Node?> Children => [value, .. tests];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var input = value.Evaluate(scope, state);
        var inner = scope.With(UnaryTest.InputName, input);
        var result = (bool?)false;
        foreach (var test in tests)
        {
            var match = test.Matches(input, inner, state);
            if (match == true)
            {
                return true;
            }

            if (match is null)
            {
                result = null;
            }
        }

        return result;
    }
}
