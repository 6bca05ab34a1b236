namespace Ctms.Engine.Feel.Ast;

/// <summary>A variable (or bound name); unknown names evaluate to null.</summary>
internal sealed class NameNode(int position, string name) : Node(position)
{
    public string Name { get; } = name;

    public override bool IsDefined(Scope scope, EvalState state)
    {
        state.Step();
        return scope.TryGet(Name, out _);
    }

    protected override object? Eval(Scope scope, EvalState state) =>
        scope.TryGet(Name, out var value) ? value : null;
}
