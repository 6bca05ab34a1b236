namespace Ctms.Engine.Feel.Functions;

/// <summary>Collects the built-in functions and their overloads while the table is built.</summary>
internal sealed class FunctionRegistry
{
    public Dictionary<string, List<Builtin>> Functions { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds a signature; by default every parameter is required.</summary>
    public void Add(string name, string[] parameters, BuiltinBody body, int? required = null, bool varArgs = false)
    {
        if (!Functions.TryGetValue(name, out var overloads))
        {
            overloads = [];
            Functions[name] = overloads;
        }

        overloads.Add(new Builtin(name, parameters, required ?? parameters.Length, varArgs, body));
    }
}
