namespace Ctms.Engine.Feel.Ast;

/// <summary>
/// function(a, b) body: allowed only where a built-in takes a function (sort's precedes),
/// so function values never leave an evaluation.
/// </summary>
internal sealed class LambdaNode(int position, IReadOnlyList<string> parameters, Node body) : Node(position)
{
    protected override IEnumerable<Node?> Children => [body];

    protected override object? Eval(Scope scope, EvalState state) => new FeelLambda(parameters, body, scope);
}
