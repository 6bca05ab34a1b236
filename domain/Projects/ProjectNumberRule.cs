using System.Globalization;
using System.Text;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Projects;

/// <summary>
/// How the CTI director's approval numbers a project (configuration <c>Projects:NumberRule</c>): literal text and the
/// tokens <c>{year}</c>, <c>{yy}</c>, <c>{month}</c> or <c>{month:00}</c>, <c>{phase}</c> (I, II, III, IV, D),
/// <c>{type}</c> (S sponsor-initiated, I investigator-initiated), <c>{dept}</c> and exactly one <c>{seq}</c> or
/// <c>{seq:000}</c> (zero-padded to as many digits as zeros). The sequence is the next one among the project numbers that
/// share the rule's text before and after it, so a rule with <c>{year}</c> before <c>{seq}</c> starts again each year.
/// </summary>
public sealed class ProjectNumberRule
{
    public const string Default = "{year}-{phase}-{seq:000}";

    private readonly IReadOnlyList<Part> _before;
    private readonly IReadOnlyList<Part> _after;
    private readonly int _width;

    private ProjectNumberRule(string text, IReadOnlyList<Part> before, IReadOnlyList<Part> after, int width)
    {
        Text = text;
        _before = before;
        _after = after;
        _width = width;
    }

    public string Text { get; }

    /// <summary>Reads a rule; a malformed one is a <see cref="FormatException"/> that says what is wrong.</summary>
    public static ProjectNumberRule Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("The rule is empty.");
        }
        var before = new List<Part>();
        var after = new List<Part>();
        int? width = null;
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '}')
            {
                throw new FormatException($"'}}' at position {i + 1} closes no token.");
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                throw new FormatException($"The token at position {i + 1} is not closed with '}}'.");
            }
            var token = text[(i + 1)..end];
            var target = width is null ? before : after;
            if (literal.Length > 0)
            {
                target.Add(new Part(null, literal.ToString()));
                literal.Clear();
            }
            var (name, format) = token.IndexOf(':') is var colon and >= 0 ? (token[..colon], token[(colon + 1)..]) : (token, "");
            switch (name)
            {
                case "seq" when width is not null:
                    throw new FormatException("The rule has more than one {seq}.");
                case "seq" when format.Length == 0 || format.All(ch => ch == '0'):
                    width = Math.Max(1, format.Length);
                    break;
                case "month" when format is "" or "00":
                case "year" or "yy" or "phase" or "type" or "dept" when format.Length == 0:
                    target.Add(new Part(name, format));
                    break;
                default:
                    throw new FormatException($"Unknown token {{{token}}}: use {{year}}, {{yy}}, {{month:00}}, {{phase}}, {{type}}, {{dept}} and one {{seq:000}}.");
            }
            i = end;
        }
        if (width is null)
        {
            throw new FormatException("The rule has no {seq} token, so two projects would get the same number.");
        }
        if (literal.Length > 0)
        {
            after.Add(new Part(null, literal.ToString()));
        }
        return new ProjectNumberRule(text, before, after, width.Value);
    }

    /// <summary>The number with sequence <paramref name="sequence"/> for the project approved at <paramref name="at"/>.</summary>
    public string Format(Project project, DateTimeOffset at, int sequence) =>
        Render(_before, project, at) + sequence.ToString(CultureInfo.InvariantCulture).PadLeft(_width, '0') + Render(_after, project, at);

    /// <summary>The next number for the project: one past the highest sequence among the numbers that share the rest of the rule.</summary>
    public async Task<string> NextAsync(CtmsDbContext db, Project project, DateTimeOffset at, CancellationToken ct)
    {
        var prefix = Render(_before, project, at);
        var suffix = Render(_after, project, at);
        var taken = await db.Projects.AsNoTracking()
            .Where(p => p.ProjectNumber != null && p.ProjectNumber.StartsWith(prefix))
            .Select(p => p.ProjectNumber!)
            .ToListAsync(ct);
        return Format(project, at, NextSequence(taken, prefix, suffix));
    }

    /// <summary>One past the highest sequence among <paramref name="numbers"/> of the form prefix + digits + suffix; 1 when none is.</summary>
    public static int NextSequence(IEnumerable<string> numbers, string prefix, string suffix)
    {
        var highest = 0;
        foreach (var number in numbers)
        {
            if (number.Length <= prefix.Length + suffix.Length || !number.StartsWith(prefix, StringComparison.Ordinal) ||
                !number.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }
            var digits = number[prefix.Length..^suffix.Length];
            if (digits.All(char.IsAsciiDigit) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                highest = Math.Max(highest, sequence);
            }
        }
        return highest + 1;
    }

    private static string Render(IEnumerable<Part> parts, Project project, DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Token switch
            {
                null => part.Format,
                "year" => utc.Year.ToString("0000", CultureInfo.InvariantCulture),
                "yy" => (utc.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "month" => utc.Month.ToString(part.Format.Length == 0 ? "0" : part.Format, CultureInfo.InvariantCulture),
                "phase" => PhaseCode(project.Phase),
                "type" => project.Type == ProjectType.InvestigatorInitiated ? "I" : "S",
                _ => string.IsNullOrWhiteSpace(project.Department) ? "NA" : string.Concat(project.Department.Where(ch => !char.IsWhiteSpace(ch))),
            });
        }
        return text.ToString();
    }

    private static string PhaseCode(TrialPhase phase) => phase switch
    {
        TrialPhase.PhaseI => "I",
        TrialPhase.PhaseII => "II",
        TrialPhase.PhaseIII => "III",
        TrialPhase.PhaseIV => "IV",
        _ => "D",
    };

    /// <summary>Literal text (no token, the text in <see cref="Format"/>) or a token with its format.</summary>
    private sealed record Part(string? Token, string Format);
}
