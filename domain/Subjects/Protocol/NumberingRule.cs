using System.Globalization;
using System.Text.RegularExpressions;

namespace Ctms.Domain.Subjects.Protocol;

/// <summary>
/// The screening and subject number rules (O09): literal text with placeholders. <c>{seq}</c> is the running count,
/// <c>{seq:000}</c> the count zero-padded to the format's width, <c>{protocol}</c> the protocol number, <c>{site}</c> the
/// site code and <c>{yyyy}</c> the year of the number's day. A rule must hold <c>{seq}</c> once, so that no two subjects
/// get the same number.
/// </summary>
public static partial class NumberingRule
{
    /// <summary>The site's code in numbers (one hospital: this one).</summary>
    public const string DefaultSite = "01";

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^seq(:0{1,9})?$")]
    private static partial Regex Sequence();

    /// <summary>Null when <paramref name="rule"/> is a valid rule; otherwise why not.</summary>
    public static string? Error(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule))
        {
            return "A numbering rule is required.";
        }
        if (rule.Length > ProtocolSetup.RuleMax)
        {
            return $"A numbering rule is at most {ProtocolSetup.RuleMax} characters.";
        }
        var sequences = 0;
        foreach (Match match in Placeholder().Matches(rule))
        {
            var name = match.Groups[1].Value;
            if (Sequence().IsMatch(name))
            {
                sequences++;
            }
            else if (name is not ("protocol" or "site" or "yyyy"))
            {
                return $"Unknown placeholder {{{name}}}: use {{seq}}, {{seq:000}}, {{protocol}}, {{site}} or {{yyyy}}.";
            }
        }
        if (Placeholder().Replace(rule, "").IndexOfAny(['{', '}']) >= 0)
        {
            return "A brace must open and close a placeholder.";
        }
        return sequences == 1 ? null : "A numbering rule holds {seq} (or {seq:000}) exactly once.";
    }

    /// <summary>The number for <paramref name="seq"/> by a valid <paramref name="rule"/>.</summary>
    public static string Format(string rule, int seq, string protocol, string site, DateTimeOffset at)
    {
        return Placeholder().Replace(rule, match =>
        {
            var name = match.Groups[1].Value;
            return name switch
            {
                "protocol" => protocol,
                "site" => site,
                "yyyy" => at.Year.ToString("0000", CultureInfo.InvariantCulture),
                "seq" => seq.ToString(CultureInfo.InvariantCulture),
                _ when name.StartsWith("seq:", StringComparison.Ordinal) => seq.ToString(name[4..], CultureInfo.InvariantCulture),
                _ => throw new ArgumentException($"Unknown placeholder {{{name}}}.", nameof(rule)),
            };
        });
    }
}
