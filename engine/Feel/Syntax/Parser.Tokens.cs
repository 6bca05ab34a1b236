using System.Globalization;
using System.Runtime.CompilerServices;
using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>Token navigation, error reporting and the nesting guards of the parser.</summary>
internal sealed partial class Parser
{
    private static bool IsComparator(Token token) =>
        token.Kind == TokenKind.Punctuation && token.Text is "=" or "!=" or "<" or "<=" or ">" or ">=";

    private Token Peek(int offset = 1) => tokens[Math.Min(pos + offset, tokens.Count - 1)];

    private Token Advance()
    {
        var token = tokens[pos];
        pos = Math.Min(pos + 1, tokens.Count - 1);
        return token;
    }

    private bool Accept(string punctuation)
    {
        if (!Current.IsPunctuation(punctuation))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(string punctuation) =>
        Current.IsPunctuation(punctuation) ? Advance() : throw Error($"Expected '{punctuation}'");

    private void ExpectWord(string word)
    {
        if (!Current.IsWord(word))
        {
            throw Error($"Expected '{word}'");
        }

        Advance();
    }

    private FeelSyntaxException Error(string message, Token? at = null)
    {
        var token = at ?? Current;
        var found = token.Kind == TokenKind.End ? "end of expression" : token.Describe();
        return new FeelSyntaxException(
            string.Create(CultureInfo.InvariantCulture, $"{message} at position {token.Position} (found {found})"),
            token.Position);
    }

    private FeelSyntaxException Unexpected() => Current.Kind == TokenKind.End
        ? new FeelSyntaxException($"Unexpected end of expression at position {Current.Position}", Current.Position)
        : new FeelSyntaxException($"Unexpected {Current.Describe()} at position {Current.Position}", Current.Position);

    private void Enter()
    {
        if (++depth > ValueLimits.MaxNesting)
        {
            throw new FeelSyntaxException(
                $"Expression is nested more than {ValueLimits.MaxNesting} levels deep at position {Current.Position}", Current.Position);
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private static T Make<T>(T node)
        where T : Node => node.Height <= ValueLimits.MaxTreeHeight
            ? node
            : throw new FeelSyntaxException(
                $"Expression is nested more than {ValueLimits.MaxTreeHeight} levels deep at position {node.Position}", node.Position);
}
