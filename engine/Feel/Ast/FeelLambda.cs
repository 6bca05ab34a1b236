namespace Ctms.Engine.Feel.Ast;

/// <summary>A function literal closed over the scope where it was evaluated.</summary>
internal sealed class FeelLambda(IReadOnlyList<string> parameters, Node body, Scope scope)
{
    public int Arity => parameters.Count;

    public object? Invoke(EvalState state, params ReadOnlySpan<object?> args)
    {
        var inner = scope;
        for (var i = 0; i < parameters.Count; i++)
        {
            inner = inner.With(parameters[i], i < args.Length ? args[i] : null);
        }

        return body.Evaluate(inner, state);
    }
}
