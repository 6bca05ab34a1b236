using Ctms.Domain.Ethics.Meetings;
using Ctms.Domain.Ethics.Model;

namespace Ctms.Domain.Tests.Ethics.Meetings;

/// <summary>The committee's quorum and the tally of a vote, without storage.</summary>
public sealed class MeetingRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static CommitteeMember Seat(CommitteeRole role, MemberSex sex, bool affiliated = true, DateOnly? termEnd = null) =>
        new(Guid.NewGuid(), "u" + Guid.NewGuid().ToString("N")[..6], "Dr. X", role, sex, affiliated, Day.AddYears(-1), termEnd ?? Day.AddYears(2), []);

    /// <summary>The scenario's committee: a chair, four members (two of each sex, one not affiliated), a lay member, a secretary.</summary>
    private static List<CommitteeMember> Committee() =>
    [
        Seat(CommitteeRole.Chair, MemberSex.Female),
        Seat(CommitteeRole.Member, MemberSex.Female),
        Seat(CommitteeRole.Member, MemberSex.Male),
        Seat(CommitteeRole.Member, MemberSex.Male),
        Seat(CommitteeRole.Member, MemberSex.Female, affiliated: false),
        Seat(CommitteeRole.LayMember, MemberSex.Male, affiliated: false),
        Seat(CommitteeRole.Secretary, MemberSex.Female),
    ];

    private static HashSet<Guid> Present(List<CommitteeMember> seats, params int[] indexes) => indexes.Select(i => seats[i].Id).ToHashSet();

    [Fact]
    public void Five_of_six_voting_members_with_a_lay_member_both_sexes_and_a_non_affiliated_member_meet_the_quorum()
    {
        var seats = Committee();
        MeetingRules.QuorumFailures(new EthicsCommittee("EC", "EC", Now), seats, Present(seats, 0, 1, 2, 4, 5), Day).ShouldBeEmpty();
    }

    [Fact]
    public void Each_rule_that_fails_is_named()
    {
        var seats = Committee();
        // The chair, two women and the secretary (who does not count): no majority, too few, no lay member, one sex, all affiliated.
        var failures = MeetingRules.QuorumFailures(new EthicsCommittee("EC", "EC", Now), seats, Present(seats, 0, 1, 6), Day);
        failures.Count.ShouldBe(5);
        failures.ShouldContain("More than half of the 6 voting members must be present; 2 are.");
        failures.ShouldContain("At least 5 voting members must be present; 2 are.");
        failures.ShouldContain("A lay member must be present.");
        failures.ShouldContain("Members of both sexes must be present.");
        failures.ShouldContain("A member not affiliated with the hospital must be present.");
    }

    [Fact]
    public void Rules_the_committee_switched_off_are_not_applied_and_members_out_of_term_do_not_count()
    {
        var seats = Committee();
        seats.Add(Seat(CommitteeRole.Member, MemberSex.Male, termEnd: Day.AddDays(-1)));
        var lenient = new EthicsCommittee("EC", "EC", Now)
        {
            QuorumMinimumPresent = 0, QuorumRequiresLayMember = false, QuorumRequiresBothSexes = false, QuorumRequiresNonAffiliated = false,
        };
        // Four of the six members in term: a majority although the seventh seat (out of term) would make it four of seven.
        MeetingRules.QuorumFailures(lenient, seats, Present(seats, 0, 1, 2, 3), Day).ShouldBeEmpty();
        MeetingRules.QuorumFailures(lenient, seats, Present(seats, 0, 1, 2), Day).ShouldBe(["More than half of the 6 voting members must be present; 3 are."]);
    }

    [Theory]
    [InlineData(DecisionMajority.MoreThanHalfOfVotersPresent, 5, 3)]
    [InlineData(DecisionMajority.MoreThanHalfOfVotersPresent, 4, 3)]
    [InlineData(DecisionMajority.MoreThanHalfOfVotesCast, 5, 3)]
    [InlineData(DecisionMajority.TwoThirdsOfVotersPresent, 5, 4)]
    [InlineData(DecisionMajority.TwoThirdsOfVotersPresent, 6, 4)]
    [InlineData(DecisionMajority.TwoThirdsOfVotersPresent, 3, 2)]
    public void The_decisive_count_is_the_votes_for_one_option_that_settle_the_item_whatever_the_others_vote(DecisionMajority rule, int voters, int decisive)
    {
        MeetingRules.DecisiveVotes(rule, voters).ShouldBe(decisive);
        // That many votes carry the item under the rule, one fewer (with the rest split) does not.
        MeetingRules.Outcome(rule, voters, [.. Enumerable.Repeat(VoteOption.Approve, decisive)]).ShouldBe(VoteOption.Approve);
        MeetingRules.Outcome(rule, voters, [.. Enumerable.Repeat(VoteOption.Approve, decisive - 1), .. Enumerable.Repeat(VoteOption.Disapprove, voters - decisive + 1)])
            .ShouldNotBe(VoteOption.Approve);
    }

    [Fact]
    public void Without_a_majority_there_is_no_outcome_and_abstaining_never_carries_an_item()
    {
        MeetingRules.Outcome(DecisionMajority.MoreThanHalfOfVotersPresent, 4,
            [VoteOption.Approve, VoteOption.Approve, VoteOption.Disapprove, VoteOption.ReviseAndResubmit]).ShouldBeNull();
        MeetingRules.Outcome(DecisionMajority.MoreThanHalfOfVotersPresent, 3, [VoteOption.Abstain, VoteOption.Abstain, VoteOption.Approve]).ShouldBeNull();
    }

    [Fact]
    public void Over_the_votes_cast_abstentions_count_as_cast_and_cancelled_votes_do_not()
    {
        // Five voters, two votes cancelled: 2 of 3 cast carry under "votes cast", not under "voters present".
        VoteOption[] cast = [VoteOption.ApproveWithModifications, VoteOption.ApproveWithModifications, VoteOption.Abstain];
        MeetingRules.Outcome(DecisionMajority.MoreThanHalfOfVotesCast, 5, cast).ShouldBe(VoteOption.ApproveWithModifications);
        MeetingRules.Outcome(DecisionMajority.MoreThanHalfOfVotersPresent, 5, cast).ShouldBeNull();
    }
}
