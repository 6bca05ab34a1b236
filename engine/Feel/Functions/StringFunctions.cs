using System.Text;
using System.Text.RegularExpressions;
using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Functions;

/// <summary>String functions; positions and lengths count Unicode code points, as FEEL does.</summary>
internal static class StringFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("substring", ["string", "start position", "length"], (a, s) => Substring(a[0], a[1], Args.At(a, 2), s), required: 2);
        r.Add("string length", ["string"], (a, s) => a[0] is string x ? (decimal)CountCodePoints(x, s) : null);
        r.Add("upper case", ["string"], (a, s) => Map(a[0], s, x => x.ToUpperInvariant()));
#pragma warning disable CA1308 // FEEL's lower case() is asked for by name; there is nothing to normalize.
        r.Add("lower case", ["string"], (a, s) => Map(a[0], s, x => x.ToLowerInvariant()));
#pragma warning restore CA1308
        r.Add("trim", ["string"], (a, s) => Map(a[0], s, x => x.Trim()));
        r.Add("substring before", ["string", "match"], (a, s) => Pair(a, s, (x, m) => x.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? x[..i] : string.Empty));
        r.Add("substring after", ["string", "match"], (a, s) => Pair(a, s, (x, m) => x.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? x[(i + m.Length)..] : string.Empty));
        r.Add("contains", ["string", "match"], (a, s) => Pair(a, s, (x, m) => x.Contains(m, StringComparison.Ordinal)));
        r.Add("starts with", ["string", "match"], (a, s) => Pair(a, s, (x, m) => x.StartsWith(m, StringComparison.Ordinal)));
        r.Add("ends with", ["string", "match"], (a, s) => Pair(a, s, (x, m) => x.EndsWith(m, StringComparison.Ordinal)));
        r.Add("matches", ["input", "pattern", "flags"], (a, s) => WithRegex(a, 2, s, (x, re) => re.IsMatch(x)), required: 2);
        r.Add("replace", ["input", "pattern", "replacement", "flags"], (a, s) => Replace(a, s), required: 3);
        r.Add("split", ["string", "delimiter"], (a, s) => WithRegex(a, 2, s, Split));
        r.Add("extract", ["string", "pattern"], (a, s) => WithRegex(a, 2, s, (x, re) => re.Matches(x).Select(m => (object?)m.Value).ToList()));
        r.Add("string", ["from"], (a, s) => FeelText.ToText(a[0]) is { } text ? Counted(text, s) : null);
    }

    private static string Counted(string text, EvalState state)
    {
        state.StepFor(text);
        return text;
    }

    private static string? Map(object? value, EvalState state, Func<string, string> map) =>
        value is string x ? Counted(map(Counted(x, state)), state) : null;

    private static object? Pair(IReadOnlyList<object?> a, EvalState state, Func<string, string, object> body)
    {
        if (a[0] is not string x || a[1] is not string m)
        {
            return null;
        }

        state.StepFor(x);
        return body(x, m);
    }

    /// <summary>Runs a regex function; patternIndex is 1 and flags (if any) follow at flagsIndex.</summary>
    private static object? WithRegex(IReadOnlyList<object?> a, int flagsIndex, EvalState state, Func<string, Regex, object?> body)
    {
        if (a[0] is not string input || a[1] is not string pattern || Args.At(a, flagsIndex) is not (null or string))
        {
            return null;
        }

        state.StepFor(input);
        var regex = FeelRegex.Get(pattern, Args.At(a, flagsIndex) as string);
        return regex is null ? null : body(input, regex);
    }

    private static string? Replace(IReadOnlyList<object?> a, EvalState state)
    {
        if (a[0] is not string input || a[1] is not string pattern || a[2] is not string replacement
            || Args.At(a, 3) is not (null or string))
        {
            return null;
        }

        state.StepFor(input);
        var regex = FeelRegex.Get(pattern, Args.At(a, 3) as string);
        if (regex is null || regex.IsMatch(string.Empty) || FeelRegex.Replacement(replacement) is not { } netReplacement)
        {
            return null;
        }

        var growth = 0L;
        var result = regex.Replace(input, match =>
        {
            var replaced = match.Result(netReplacement);
            growth += replaced.Length - match.Length;
            if (input.Length + growth > ValueLimits.MaxStringLength)
            {
                ValueLimits.CheckStringLength(input.Length + growth);
            }

            return replaced;
        });
        return Counted(result, state);
    }

    private static List<object?>? Split(string input, Regex regex)
    {
        if (regex.IsMatch(string.Empty))
        {
            return null;
        }

        var parts = new List<object?>();
        var start = 0;
        foreach (Match match in regex.Matches(input))
        {
            parts.Add(input[start..match.Index]);
            start = match.Index + match.Length;
        }

        parts.Add(input[start..]);
        ValueLimits.CheckListSize(parts.Count);
        return parts;
    }

    private static int CountCodePoints(string text, EvalState state)
    {
        state.StepFor(text);
        return text.EnumerateRunes().Count();
    }

    private static string? Substring(object? value, object? start, object? length, EvalState state)
    {
        if (value is not string text || !Kinds.TryInt(start, out var from) || from == 0)
        {
            return null;
        }

        state.StepFor(text);
        var runes = text.EnumerateRunes().ToList();
        var index = from > 0 ? from - 1 : runes.Count + from;
        if (index < 0 || index > runes.Count)
        {
            return null;
        }

        var take = runes.Count - index;
        if (length is not null && (!Kinds.TryInt(length, out take) || take < 0))
        {
            return null;
        }

        var result = new StringBuilder();
        foreach (var rune in runes.Skip(index).Take(take))
        {
            result.Append(rune.ToString());
        }

        return result.ToString();
    }
}
