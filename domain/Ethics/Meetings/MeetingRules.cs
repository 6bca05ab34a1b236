using Ctms.Domain.Ethics.Model;

namespace Ctms.Domain.Ethics.Meetings;

/// <summary>
/// The committee's rules for a meeting, in one place and free of storage: the quorum (who must be present for the
/// meeting to decide anything) and the tally (which option, if any, carries an item). The process's completion
/// condition and the tally activity both take their numbers from here.
/// </summary>
public static class MeetingRules
{
    /// <summary>The rules of the committee's quorum that the present members do not meet, in words; empty when the quorum is met.</summary>
    /// <param name="committee">Its <c>Quorum*</c> settings.</param>
    /// <param name="members">The committee's seats.</param>
    /// <param name="present">The seats recorded present.</param>
    /// <param name="day">The meeting's date: only members in term on it count.</param>
    public static IReadOnlyList<string> QuorumFailures(EthicsCommittee committee, IEnumerable<CommitteeMember> members, IReadOnlySet<Guid> present, DateOnly day)
    {
        var voting = members.Where(m => m.Votes && m.InTermOn(day)).ToList();
        var here = voting.Where(m => present.Contains(m.Id)).ToList();
        var failures = new List<string>();
        if (committee.QuorumMajorityOfMembers && here.Count * 2 <= voting.Count)
        {
            failures.Add($"More than half of the {voting.Count} voting members must be present; {here.Count} are.");
        }
        if (here.Count < committee.QuorumMinimumPresent)
        {
            failures.Add($"At least {committee.QuorumMinimumPresent} voting members must be present; {here.Count} are.");
        }
        if (committee.QuorumRequiresLayMember && !here.Any(m => m.IsLay))
        {
            failures.Add("A lay member must be present.");
        }
        if (committee.QuorumRequiresBothSexes && here.Select(m => m.Sex).Distinct().Count() < 2)
        {
            failures.Add("Members of both sexes must be present.");
        }
        if (committee.QuorumRequiresNonAffiliated && here.All(m => m.Affiliated))
        {
            failures.Add("A member not affiliated with the hospital must be present.");
        }
        return failures;
    }

    /// <summary>
    /// How many votes for one option settle an item among <paramref name="voters"/> voters whatever the others vote: the
    /// count the vote's completion condition waits for (under "more than half of the votes cast" too, as the votes cast
    /// never exceed the voters).
    /// </summary>
    public static int DecisiveVotes(DecisionMajority rule, int voters) => rule switch
    {
        DecisionMajority.TwoThirdsOfVotersPresent => (2 * voters + 2) / 3,
        _ => voters / 2 + 1,
    };

    /// <summary>
    /// The option that carries the item under the committee's rule, or null when none does (the item is deferred to a
    /// later meeting: the committee did not decide). Abstaining never carries an item; cancelled votes were not cast.
    /// </summary>
    public static VoteOption? Outcome(DecisionMajority rule, int voters, IReadOnlyCollection<VoteOption> cast)
    {
        foreach (var group in cast.Where(o => o != VoteOption.Abstain).GroupBy(o => o).OrderByDescending(g => g.Count()))
        {
            var count = group.Count();
            var carries = rule switch
            {
                DecisionMajority.MoreThanHalfOfVotesCast => count * 2 > cast.Count,
                DecisionMajority.TwoThirdsOfVotersPresent => count * 3 >= voters * 2,
                _ => count * 2 > voters,
            };
            return carries ? group.Key : null;
        }
        return null;
    }
}
