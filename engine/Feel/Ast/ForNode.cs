using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>for x in list, y in a..b return expression: one result per combination, bounded by the budget.</summary>
internal sealed class ForNode(int position, IReadOnlyList<Iteration> iterations, Node body) : Node(position)
{
    protected override IEnumerable<Node?> Children => [.. iterations, body];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var results = new List<object?>();
        return Walk(0, scope, state, results) ? results : null;
    }

    private bool Walk(int index, Scope scope, EvalState state, List<object?> results)
    {
        if (index == iterations.Count)
        {
            results.Add(body.Evaluate(scope, state));
            ValueLimits.CheckListSize(results.Count);
            return true;
        }

        var iteration = iterations[index];
        var values = iteration.Values(scope, state);
        if (values is null)
        {
            return false;
        }

        foreach (var value in values)
        {
            state.Step();
            if (!Walk(index + 1, scope.With(iteration.Name, value), state, results))
            {
                return false;
            }
        }

        return true;
    }
}
