using Ctms.Engine.Feel;

namespace Ctms.Engine.Model;

/// <summary>
/// A value in a model attribute: a FEEL expression when it starts with '=' (Zeebe's convention), otherwise a static
/// string. Parsed once at deploy.
/// </summary>
public sealed class EngineExpression
{
    private EngineExpression(string raw, FeelExpression? feel)
    {
        Raw = raw;
        Feel = feel;
    }

    /// <summary>The attribute as written.</summary>
    public string Raw { get; }

    /// <summary>The parsed FEEL expression, or null for a static value.</summary>
    public FeelExpression? Feel { get; }

    public bool IsStatic => Feel is null;

    /// <summary>Parses the attribute; throws <see cref="FeelSyntaxException"/> for a broken expression.</summary>
    public static EngineExpression Parse(string raw)
    {
        var trimmed = raw.Trim();
        return trimmed.StartsWith('=') ? new EngineExpression(raw, FeelParser.Parse(trimmed[1..])) : new EngineExpression(raw, null);
    }

    /// <summary>An expression that is FEEL whether or not it starts with '=' (conditions, mappings, collections).</summary>
    public static EngineExpression ParseFeel(string raw)
    {
        var trimmed = raw.Trim();
        return new EngineExpression(raw, FeelParser.Parse(trimmed.StartsWith('=') ? trimmed[1..] : trimmed));
    }

    /// <summary>Evaluates against the variables; a static value is returned as the string it is.</summary>
    public object? Evaluate(IFeelVariables variables, FeelContext context) =>
        Feel is null ? Raw : Feel.Evaluate(variables, context);

    public override string ToString() => Raw;
}
