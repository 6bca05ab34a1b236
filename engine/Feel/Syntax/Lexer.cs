namespace Ctms.Engine.Feel.Syntax;

/// <summary>Splits FEEL text into tokens, skipping whitespace and // or /* */ comments.</summary>
internal static class Lexer
{
    private static readonly string[] TwoCharPunctuation = ["**", "..", "<=", ">=", "!="];
    private const string OneCharPunctuation = "()[]{},:.+-*/=<>";

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            i = SkipTrivia(text, i);
            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
                return tokens;
            }

            var c = text[i];
            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ReadNumber(text, i);
                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (c == '"')
            {
                tokens.Add(new Token(TokenKind.String, StringLiteral.Read(text, ref i), start));
            }
            else if (c == '@' && i + 1 < text.Length && text[i + 1] == '"')
            {
                i++;
                tokens.Add(new Token(TokenKind.Temporal, StringLiteral.Read(text, ref i), start));
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new FeelSyntaxException($"Unterminated `name` at position {start}", start);
                }

                tokens.Add(new Token(TokenKind.Name, text[(i + 1)..end], start, Quoted: true));
                i = end + 1;
            }
            else if (IsNameStart(c))
            {
                while (i < text.Length && IsNamePart(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start));
            }
            else if (i + 1 < text.Length && Array.IndexOf(TwoCharPunctuation, text.Substring(i, 2)) >= 0)
            {
                tokens.Add(new Token(TokenKind.Punctuation, text.Substring(i, 2), start));
                i += 2;
            }
            else if (OneCharPunctuation.Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new Token(TokenKind.Punctuation, c.ToString(), start));
                i++;
            }
            else
            {
                throw new FeelSyntaxException($"Unexpected character '{c}' at position {start}", start);
            }
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or '?';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '?';

    private static int SkipTrivia(string text, int i)
    {
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (text.AsSpan(i).StartsWith("//", StringComparison.Ordinal))
            {
                var end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end + 1;
            }
            else if (text.AsSpan(i).StartsWith("/*", StringComparison.Ordinal))
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? throw new FeelSyntaxException($"Unterminated comment at position {i}", i) : end + 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static int ReadNumber(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }
}
