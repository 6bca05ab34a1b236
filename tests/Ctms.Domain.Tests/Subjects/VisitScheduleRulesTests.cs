using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Protocol;

namespace Ctms.Domain.Tests.Subjects;

public sealed class VisitScheduleRulesTests
{
    private static readonly Guid Project = Guid.NewGuid();

    private static VisitDefinition Visit(string code, int sequence, VisitReference reference, int offset, int before, int after) =>
        new(Project, code, code, sequence, reference, offset, before, after);

    private readonly VisitDefinition[] _visits =
    [
        Visit("V1", 2, VisitReference.Randomization, 0, 0, 0),
        Visit("SCR", 1, VisitReference.Consent, 0, 0, 14),
        Visit("V2", 3, VisitReference.PreviousVisit, 14, 2, 3),
        Visit("V3", 4, VisitReference.Randomization, 56, 7, 7),
    ];

    [Fact]
    public void Visits_are_counted_from_their_reference_with_their_window_and_unknown_until_the_reference_is()
    {
        var consent = new DateOnly(2026, 3, 2);
        var before = VisitScheduleRules.Plan(_visits, consent, null);
        before.Select(v => v.Code).ShouldBe(["SCR", "V1", "V2", "V3"]);
        before[0].ShouldBe(new PlannedVisit("SCR", "SCR", 1, consent, consent, consent.AddDays(14)));
        before.Skip(1).ShouldAllBe(v => v.Target == null && v.WindowStart == null);

        var randomized = new DateOnly(2026, 3, 10);
        var planned = VisitScheduleRules.Plan(_visits, consent, randomized);
        planned[1].Target.ShouldBe(randomized);
        planned[2].Target.ShouldBe(randomized.AddDays(14));
        planned[2].WindowStart.ShouldBe(randomized.AddDays(12));
        planned[2].WindowEnd.ShouldBe(randomized.AddDays(17));
        planned[3].Target.ShouldBe(randomized.AddDays(56));
        planned[3].InWindow(randomized.AddDays(63)).ShouldBeTrue();
        planned[3].InWindow(randomized.AddDays(64)).ShouldBeFalse();
    }

    [Fact]
    public void A_visit_counted_from_the_previous_one_follows_its_actual_day()
    {
        var randomized = new DateOnly(2026, 3, 10);
        var planned = VisitScheduleRules.Plan(_visits, new DateOnly(2026, 3, 2), randomized,
            new Dictionary<string, DateOnly> { ["V1"] = randomized.AddDays(1) });
        planned[2].Target.ShouldBe(randomized.AddDays(15));
    }

    [Fact]
    public void The_life_cycle_allows_the_protocol_s_moves_only()
    {
        SubjectLifecycle.CanMove(SubjectStatus.Screening, SubjectStatus.Enrolled).ShouldBeTrue();
        SubjectLifecycle.CanMove(SubjectStatus.Screening, SubjectStatus.Randomized).ShouldBeFalse();
        SubjectLifecycle.CanMove(SubjectStatus.Completed, SubjectStatus.FollowUp).ShouldBeFalse();
        SubjectLifecycle.IsFinal(SubjectStatus.ScreenFailed).ShouldBeTrue();
        Should.Throw<Ctms.Domain.Common.ConflictException>(() => SubjectLifecycle.EnsureCanMove(SubjectStatus.Withdrawn, SubjectStatus.Enrolled))
            .Message.ShouldBe("A subject cannot go from withdrawn to enrolled.");
        Enum.GetValues<SubjectStatus>().Select(SubjectLifecycle.Colour).Distinct().Count().ShouldBe(Enum.GetValues<SubjectStatus>().Length);
    }
}
