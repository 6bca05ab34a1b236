namespace Ctms.Engine.Feel.Ast;

internal sealed class LiteralNode(int position, object? value) : Node(position)
{
    public object? Value { get; } = value;

    protected override object? Eval(Scope scope, EvalState state) => Value;
}
