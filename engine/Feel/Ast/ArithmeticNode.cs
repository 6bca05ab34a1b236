using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>A binary + - * / or ** operation.</summary>
internal sealed class ArithmeticNode(int position, string op, Node left, Node right) : Node(position)
{
    protected override IEnumerable<Node?> Children => [left, right];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var a = left.Evaluate(scope, state);
        var b = right.Evaluate(scope, state);
        if (op == "+" && a is string sa && b is string sb)
        {
            state.Step((sa.Length + sb.Length) / ValueLimits.CharsPerStep);
        }

        return op switch
        {
            "+" => Arithmetic.Add(a, b),
            "-" => Arithmetic.Subtract(a, b),
            "*" => Arithmetic.Multiply(a, b),
            "/" => Arithmetic.Divide(a, b),
            _ => Arithmetic.Power(a, b),
        };
    }
}
