using Ctms.Engine.Feel.Functions;

namespace Ctms.Engine.Feel.Ast;

/// <summary>A call of a built-in function, resolved at parse time; arguments are in parameter order.</summary>
internal sealed class CallNode(int position, Builtin function, IReadOnlyList<Node> args) : Node(position)
{
    protected override IEnumerable<Node?> Children => args;

    protected override object? Eval(Scope scope, EvalState state)
    {
        if (function.Name == LogicFunctions.IsDefined)
        {
            return args[0].IsDefined(scope, state);
        }

        var values = new object?[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            values[i] = args[i].Evaluate(scope, state);
        }

        return function.Body(values, state);
    }
}
