namespace Ctms.Engine.Feel.Functions;

/// <summary>The built-in functions by name, resolved at parse time.</summary>
internal static class FunctionTable
{
    private static readonly Dictionary<string, List<Builtin>> Functions = Build();

    /// <summary>The names made of several words ("string length", "date and time"), longest first.</summary>
    public static IReadOnlyList<string[]> MultiWordNames { get; } =
        [.. Functions.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal))
            .Select(k => k.Split(' '))
            .OrderByDescending(words => words.Length)];

    public static bool Exists(string name) => Functions.ContainsKey(name);

    public static IReadOnlyList<Builtin> Overloads(string name) =>
        Functions.TryGetValue(name, out var overloads) ? overloads : [];

    private static Dictionary<string, List<Builtin>> Build()
    {
        var registry = new FunctionRegistry();
        LogicFunctions.Register(registry);
        AggregateFunctions.Register(registry);
        ListFunctions.Register(registry);
        ListQueryFunctions.Register(registry);
        StringFunctions.Register(registry);
        NumberFunctions.Register(registry);
        TemporalFunctions.Register(registry);
        ContextFunctions.Register(registry);
        return registry.Functions;
    }
}
