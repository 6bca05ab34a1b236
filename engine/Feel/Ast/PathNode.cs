using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Ast;

/// <summary>source.key: a context entry, a temporal property, or (on a list) the key of each item.</summary>
internal sealed class PathNode(int position, Node source, string key) : Node(position)
{
    protected override IEnumerable<Node?> Children => [source];

    public override bool IsDefined(Scope scope, EvalState state)
    {
        state.Step();
        if (!source.IsDefined(scope, state))
        {
            return false;
        }

        return source.Evaluate(scope, state) switch
        {
            null => false,
            IReadOnlyDictionary<string, object?> context => context.ContainsKey(key),
            var value => Get(value, state) is not null,
        };
    }

    protected override object? Eval(Scope scope, EvalState state) => Get(source.Evaluate(scope, state), state);

    private object? Get(object? value, EvalState state)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> context:
                return context.TryGetValue(key, out var entry) ? entry : null;
            case IReadOnlyList<object?> list:
                state.Step(list.Count);
                return list.Select(item => item is IReadOnlyList<object?> ? null : Get(item, state)).ToList();
            default:
                return Properties.Get(value, key);
        }
    }
}
