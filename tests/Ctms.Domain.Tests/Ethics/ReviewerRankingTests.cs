using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Ethics.Reviews;

namespace Ctms.Domain.Tests.Ethics;

public sealed class ReviewerRankingTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly string?[] OncologyStudy = ["Oncology", "PhaseIII", "A randomised study of drug X in metastatic breast cancer", "Sponsor Ltd."];

    private static CommitteeMember Member(string name, CommitteeRole role = CommitteeRole.Member, string[]? expertise = null, DateOnly? termEnd = null) =>
        new(Guid.NewGuid(), name, "Dr. " + name, role, MemberSex.Female, true, Today.AddYears(-1), termEnd ?? Today.AddYears(1), expertise ?? []);

    private static ReviewerRanking.Candidate Candidate(CommitteeMember member, int open = 0, bool conflicted = false) => new(member, open, conflicted);

    [Fact]
    public void An_expertise_match_scores_three_and_each_open_review_costs_one()
    {
        var oncologist = Member("onco", expertise: ["oncology", "ethics"]);
        var cardiologist = Member("cardio", expertise: ["cardiology"]);
        var ranked = ReviewerRanking.Rank([Candidate(cardiologist), Candidate(oncologist, open: 2)], OncologyStudy, Today);

        ranked.Select(r => r.UserName).ShouldBe(["onco", "cardio"]);
        ranked[0].Score.ShouldBe(1, "3 for oncology, minus 2 open reviews");
        ranked[0].MatchedExpertise.ShouldBe(["oncology"]);
        ranked[0].Label.ShouldBe("Dr. onco (score 1: matches oncology; 2 open reviews)");
        ranked[1].Score.ShouldBe(0);
        ranked[1].Label.ShouldContain("no expertise match");
    }

    [Fact]
    public void A_busy_expert_falls_behind_an_idle_member_once_the_load_outweighs_the_match()
    {
        var busy = Member("busy", expertise: ["oncology"]);
        var idle = Member("idle");
        ReviewerRanking.Rank([Candidate(busy, open: 4), Candidate(idle)], OncologyStudy, Today).Select(r => r.UserName).ShouldBe(["idle", "busy"]);
    }

    [Fact]
    public void Equal_scores_go_to_the_member_with_fewer_open_reviews_then_by_name()
    {
        var a = Member("a", expertise: ["oncology"]);
        var b = Member("b");
        var c = Member("c");
        ReviewerRanking.Rank([Candidate(c), Candidate(b), Candidate(a, open: 3)], OncologyStudy, Today).Select(r => r.UserName).ShouldBe(["b", "c", "a"]);
    }

    [Fact]
    public void A_conflicted_non_voting_or_out_of_term_member_is_never_suggested()
    {
        var conflicted = Member("conflicted", expertise: ["oncology"]);
        var secretary = Member("secretary", CommitteeRole.Secretary, ["oncology"]);
        var consultant = Member("consultant", CommitteeRole.IndependentConsultant, ["oncology"]);
        var former = Member("former", expertise: ["oncology"], termEnd: Today.AddDays(-1));
        var lay = Member("lay", CommitteeRole.LayMember);
        var ranked = ReviewerRanking.Rank(
            [Candidate(conflicted, conflicted: true), Candidate(secretary), Candidate(consultant), Candidate(former), Candidate(lay)], OncologyStudy, Today);
        ranked.Select(r => r.UserName).ShouldBe(["lay"]);
    }

    [Theory]
    [InlineData("oncology", true)]
    [InlineData("Oncological surgery", false)]
    [InlineData("breast cancer", true)]
    [InlineData("phase iii", true)]
    [InlineData("pediatrics", false)]
    [InlineData("onc", false)]
    public void A_term_matches_when_each_of_its_words_is_a_project_word_or_shares_a_stem_of_five_letters(string term, bool matches)
    {
        ReviewerRanking.Matches(term, ReviewerRanking.Words(OncologyStudy)).ShouldBe(matches);
    }
}
