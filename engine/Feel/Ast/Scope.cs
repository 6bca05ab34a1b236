namespace Ctms.Engine.Feel.Ast;

/// <summary>A chain of name bindings: iteration variables, filter items and context entries over the host variables.</summary>
internal sealed class Scope
{
    private readonly Scope? parent;
    private readonly EvalState? root;
    private readonly string? name;
    private readonly object? value;
    private readonly IReadOnlyDictionary<string, object?>? context;

    private Scope(Scope? parent, EvalState? root, string? name, object? value, IReadOnlyDictionary<string, object?>? context)
    {
        this.parent = parent;
        this.root = root;
        this.name = name;
        this.value = value;
        this.context = context;
    }

    public static Scope Root(EvalState state) => new(null, state, null, null, null);

    public Scope With(string boundName, object? boundValue) => new(this, null, boundName, boundValue, null);

    public Scope WithEntries(IReadOnlyDictionary<string, object?> entries) => new(this, null, null, null, entries);

    public bool TryGet(string lookup, out object? result)
    {
        for (var scope = this; scope is not null; scope = scope.parent)
        {
            if (scope.root is not null)
            {
                return scope.root.TryGetVariable(lookup, out result);
            }

            if (scope.context is not null && scope.context.TryGetValue(lookup, out result))
            {
                return true;
            }

            if (scope.name == lookup)
            {
                result = scope.value;
                return true;
            }
        }

        result = null;
        return false;
    }
}
