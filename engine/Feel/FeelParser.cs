using Ctms.Engine.Feel.Syntax;

namespace Ctms.Engine.Feel;

/// <summary>Parses FEEL expressions (the subset described in engine/Feel/README.md).</summary>
public static class FeelParser
{
    /// <summary>
    /// Parses a FEEL expression, without Zeebe's leading '=' (the caller strips it).
    /// Unknown functions and wrong argument counts are reported here, at parse time.
    /// </summary>
    /// <exception cref="FeelSyntaxException">The text is not a valid expression; the message names the position.</exception>
    public static FeelExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FeelExpression(text, Parser.Parse(text));
    }
}
