namespace Ctms.Engine.Feel.Ast;

/// <summary>A positive unary test after 'in': a comparison (&lt; 5), a range ([1..10]) or an expression.</summary>
internal abstract class UnaryTest(int position) : Node(position)
{
    /// <summary>The name of the tested value inside the test, as in DMN decision tables.</summary>
    public const string InputName = "?";

    public abstract bool? Matches(object? input, Scope scope, EvalState state);

    protected override object? Eval(Scope scope, EvalState state) =>
        Matches(scope.TryGet(InputName, out var input) ? input : null, scope, state);
}
