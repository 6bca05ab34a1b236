namespace Ctms.Engine.Feel.Ast;

/// <summary>some/every x in list, y in list2 satisfies condition, over all combinations.</summary>
internal sealed class QuantifiedNode(int position, bool every, IReadOnlyList<Iteration> iterations, Node condition) : Node(position)
{
    protected override IEnumerable<Node?> Children => [.. iterations, condition];

    protected override object? Eval(Scope scope, EvalState state)
    {
        var sawUnknown = false;
        var decided = Walk(0, scope, state, ref sawUnknown);
        if (decided)
        {
            return !every;
        }

        return sawUnknown ? null : every;
    }

    /// <summary>True as soon as one combination decides the answer (a true for some, a false for every).</summary>
    private bool Walk(int index, Scope scope, EvalState state, ref bool sawUnknown)
    {
        if (index == iterations.Count)
        {
            var result = condition.Evaluate(scope, state) as bool?;
            sawUnknown |= result is null;
            return result == !every;
        }

        var iteration = iterations[index];
        var values = iteration.Values(scope, state);
        if (values is null)
        {
            sawUnknown = true;
            return false;
        }

        foreach (var value in values)
        {
            state.Step();
            if (Walk(index + 1, scope.With(iteration.Name, value), state, ref sawUnknown))
            {
                return true;
            }
        }

        return false;
    }
}
