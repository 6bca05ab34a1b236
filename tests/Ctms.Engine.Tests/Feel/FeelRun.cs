using Ctms.Engine.Feel;

namespace Ctms.Engine.Tests.Feel;

/// <summary>Parses and evaluates FEEL text in one call, for tests.</summary>
internal static class FeelRun
{
    public static object? Value(string text, IReadOnlyDictionary<string, object?>? variables = null, FeelContext? context = null) =>
        FeelParser.Parse(text).Evaluate(variables is null ? FeelVariables.Empty : new FeelVariables(variables), context);

    /// <summary>The result as FEEL's string() shows it, or "null".</summary>
    public static string Text(string text, IReadOnlyDictionary<string, object?>? variables = null, FeelContext? context = null)
    {
        var value = Value(text, variables, context);
        return value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            _ => FeelValues.ToFeelString(value)!,
        };
    }

    public static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value);
}
