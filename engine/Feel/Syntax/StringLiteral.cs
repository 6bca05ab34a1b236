using System.Globalization;
using System.Text;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>Decodes FEEL string literals: \" \' \\ \n \r \t \uXXXX \UXXXXXX; other escapes keep their backslash.</summary>
internal static class StringLiteral
{
    /// <summary>Reads a "..." literal starting at the opening quote; unknown escapes keep their backslash (for regexes).</summary>
    public static string Read(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                value.Append(text[i++]);
                continue;
            }

            var escape = text[i + 1];
            i += 2;
            switch (escape)
            {
                case '"' or '\'' or '\\':
                    value.Append(escape);
                    break;
                case 'n':
                    value.Append('\n');
                    break;
                case 'r':
                    value.Append('\r');
                    break;
                case 't':
                    value.Append('\t');
                    break;
                case 'u' or 'U':
                    value.Append(ReadUnicode(text, ref i, escape == 'u' ? 4 : 6));
                    break;
                default:
                    value.Append('\\').Append(escape);
                    break;
            }
        }

        if (i >= text.Length)
        {
            throw new FeelSyntaxException($"Unterminated string at position {start}", start);
        }

        i++;
        return value.ToString();
    }

    private static string ReadUnicode(string text, ref int i, int digits)
    {
        if (i + digits > text.Length
            || !int.TryParse(text.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            || code > 0x10FFFF
            || (code is >= 0xD800 and <= 0xDFFF && digits == 6))
        {
            throw new FeelSyntaxException($"Invalid unicode escape at position {i - 2}", i - 2);
        }

        i += digits;
        return code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code);
    }
}
