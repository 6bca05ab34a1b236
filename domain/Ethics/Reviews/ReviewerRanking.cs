using System.Text.RegularExpressions;
using Ctms.Domain.Ethics.Model;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// Ranks the members who may review a project, in a way the EC office can check by hand: each expertise term of the
/// member found in the project's words (department, phase, title, sponsor) scores 3; each review the member has open
/// costs 1. Ties go to the member with fewer open reviews, then by name. A member who does not vote, is out of term on
/// the day, or has an active conflict of interest with the project is left out.
/// </summary>
public static partial class ReviewerRanking
{
    public const int PointsPerMatch = 3;

    /// <summary>A member as the ranking sees them.</summary>
    public sealed record Candidate(CommitteeMember Member, int OpenAssignments, bool Conflicted);

    public static IReadOnlyList<ReviewerSuggestion> Rank(IEnumerable<Candidate> candidates, IEnumerable<string?> projectTexts, DateOnly today)
    {
        var words = Words(projectTexts);
        return [.. candidates
            .Where(c => c.Member.Votes && c.Member.InTermOn(today) && !c.Conflicted)
            .Select(c =>
            {
                var matched = c.Member.ExpertiseList.Where(term => Matches(term, words)).ToList();
                return new ReviewerSuggestion(c.Member.Id, c.Member.UserName, c.Member.DisplayName, c.Member.Role, matched, c.OpenAssignments,
                    PointsPerMatch * matched.Count - c.OpenAssignments);
            })
            .OrderByDescending(s => s.Score).ThenBy(s => s.OpenAssignments).ThenBy(s => s.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>The lower-case words of the project's texts; a phase like "PhaseIII" also gives "phase" and "iii".</summary>
    public static IReadOnlySet<string> Words(IEnumerable<string?> texts)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts.OfType<string>())
        {
            foreach (Match m in WordPattern().Matches(CamelBreak().Replace(text, " ")))
            {
                words.Add(m.Value.ToLowerInvariant());
            }
        }
        return words;
    }

    /// <summary>
    /// A term matches when each of its words is one of the project's words or shares a stem of at least five letters with
    /// one ("oncology" and "oncological", "cardiology" and "cardiologist").
    /// </summary>
    public static bool Matches(string term, IReadOnlySet<string> words) =>
        WordPattern().Matches(term.ToLowerInvariant()).Select(m => m.Value).ToList() is { Count: > 0 } parts
        && parts.All(part => words.Contains(part) || words.Any(w => SharedStem(w, part) >= 5 && SharedStem(w, part) >= Math.Min(w.Length, part.Length) - 3));

    private static int SharedStem(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }
        return n;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelBreak();
}
