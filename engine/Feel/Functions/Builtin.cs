namespace Ctms.Engine.Feel.Functions;

/// <summary>One signature of a built-in function: its parameter names, how many are required, and its body.</summary>
internal sealed class Builtin(string name, IReadOnlyList<string> parameters, int required, bool varArgs, BuiltinBody body)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Parameters { get; } = parameters;

    public int Required { get; } = required;

    /// <summary>The last parameter takes any number of positional arguments.</summary>
    public bool VarArgs { get; } = varArgs;

    public BuiltinBody Body { get; } = body;

    public bool Accepts(int count) => count >= Required && (VarArgs || count <= Parameters.Count);

    public bool Accepts(IReadOnlyCollection<string> names) =>
        names.All(Parameters.Contains) && Parameters.Take(Required).All(names.Contains);

    public string DescribeArity()
    {
        if (VarArgs)
        {
            return $"at least {Required} argument(s)";
        }

        return Required == Parameters.Count ? $"{Required} argument(s)" : $"{Required} to {Parameters.Count} arguments";
    }
}
