using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Ctms.Engine.Feel.Functions;

/// <summary>Compiles FEEL (XPath-style) regular expressions with flags, a match timeout and a small cache.</summary>
internal static class FeelRegex
{
    private const int CacheSize = 256;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);
    private static readonly ConcurrentDictionary<(string Pattern, string Flags), Regex?> Cache = new();

    /// <summary>The regex, or null when the pattern or the flags (s, m, i, x, q) are invalid.</summary>
    public static Regex? Get(string pattern, string? flags)
    {
        flags ??= string.Empty;
        if (Cache.TryGetValue((pattern, flags), out var cached))
        {
            return cached;
        }

        if (Cache.Count >= CacheSize)
        {
            Cache.Clear();
        }

        var regex = Create(pattern, flags);
        Cache[(pattern, flags)] = regex;
        return regex;
    }

    /// <summary>Turns an XPath replacement ($1, \$, \\) into a .NET one; null when invalid.</summary>
    public static string? Replacement(string replacement)
    {
        var text = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\')
            {
                if (i + 1 >= replacement.Length || replacement[i + 1] is not ('\\' or '$'))
                {
                    return null;
                }

                text.Append(replacement[++i] == '$' ? "$$" : "\\");
            }
            else if (c == '$')
            {
                var start = i + 1;
                while (i + 1 < replacement.Length && char.IsAsciiDigit(replacement[i + 1]))
                {
                    i++;
                }

                if (i + 1 == start)
                {
                    return null;
                }

                text.Append("${").Append(replacement, start, i + 1 - start).Append('}');
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    private static Regex? Create(string pattern, string flags)
    {
        var options = RegexOptions.CultureInvariant;
        foreach (var flag in flags)
        {
            switch (flag)
            {
                case 's':
                    options |= RegexOptions.Singleline;
                    break;
                case 'm':
                    options |= RegexOptions.Multiline;
                    break;
                case 'i':
                    options |= RegexOptions.IgnoreCase;
                    break;
                case 'x':
                    options |= RegexOptions.IgnorePatternWhitespace;
                    break;
                case 'q':
                    pattern = Regex.Escape(pattern);
                    break;
                default:
                    return null;
            }
        }

        try
        {
            // Linear-time matching where the pattern allows it; backreferences and lookarounds fall back to the timeout.
            return new Regex(pattern, options | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
        }
        catch (ArgumentException)
        {
            return null;
        }

        try
        {
            return new Regex(pattern, options, Timeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
