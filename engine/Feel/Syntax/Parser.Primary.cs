using System.Globalization;
using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Functions;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>Literals, names, lists, contexts, function calls and the textual expressions (if, for, some, every).</summary>
internal sealed partial class Parser
{
    private Node ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? Make(new LiteralNode(token.Position, number))
                    : throw Error("Number out of range", token);
            case TokenKind.String:
                Advance();
                return Make(new LiteralNode(token.Position, token.Text));
            case TokenKind.Temporal:
                Advance();
                return Make(new LiteralNode(token.Position, TemporalLiteral(token.Text) ?? throw Error("Invalid temporal literal", token)));
            case TokenKind.Name:
                return ParseName();
        }

        if (token.IsPunctuation("("))
        {
            Advance();
            var inner = ParseExpression();
            Expect(")");
            return inner;
        }

        if (token.IsPunctuation("["))
        {
            return ParseList();
        }

        return token.IsPunctuation("{") ? ParseContext() : throw Unexpected();
    }

    private Node ParseName()
    {
        var token = Current;
        if (!token.Quoted)
        {
            switch (token.Text)
            {
                case "true" or "false" or "null":
                    Advance();
                    return Make(new LiteralNode(token.Position, token.Text == "null" ? null : token.Text == "true"));
                case "if":
                    return ParseIf();
                case "for":
                    return ParseFor();
                case "some" or "every":
                    return ParseQuantified();
                case "function":
                    throw Error("Function definitions are only supported as the precedes argument of sort()");
            }

            foreach (var words in FunctionTable.MultiWordNames)
            {
                if (Enumerable.Range(0, words.Length).All(i => Peek(i).IsWord(words[i])) && Peek(words.Length).IsPunctuation("("))
                {
                    pos += words.Length;
                    return ParseCall(string.Join(' ', words), token);
                }
            }

            if (Keywords.Contains(token.Text))
            {
                throw Unexpected();
            }
        }

        Advance();
        return Current.IsPunctuation("(") ? ParseCall(token.Text, token) : Make(new NameNode(token.Position, token.Text));
    }

    private ListNode ParseList()
    {
        var open = Advance();
        var items = new List<Node>();
        if (!Accept("]"))
        {
            do
            {
                items.Add(ParseExpression());
            }
            while (Accept(","));
            Expect("]");
        }

        return Make(new ListNode(open.Position, items));
    }

    private ContextNode ParseContext()
    {
        var open = Advance();
        var entries = new List<KeyValuePair<string, Node>>();
        if (!Accept("}"))
        {
            do
            {
                var keyToken = Current;
                var key = ParseKey();
                if (entries.Any(e => e.Key == key))
                {
                    throw Error($"Duplicate context key '{key}'", keyToken);
                }

                Expect(":");
                entries.Add(new(key, ParseExpression()));
            }
            while (Accept(","));
            Expect("}");
        }

        return Make(new ContextNode(open.Position, entries));
    }

    /// <summary>A context key: a string, or one or more words (a key may contain spaces).</summary>
    private string ParseKey()
    {
        if (Current.Kind == TokenKind.String)
        {
            return Advance().Text;
        }

        var words = new List<string>();
        while (Current.Kind == TokenKind.Name)
        {
            words.Add(Advance().Text);
        }

        return words.Count > 0 ? string.Join(' ', words) : throw Error("Expected a context key");
    }

    private static object? TemporalLiteral(string text)
    {
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            return TemporalText.ParseDuration(text);
        }

        if (text.Contains('T', StringComparison.Ordinal))
        {
            return TemporalText.ParseDateTime(text);
        }

        return text.Contains(':', StringComparison.Ordinal) ? TemporalText.ParseTime(text) : TemporalText.ParseDate(text);
    }
}
