using Ctms.Domain.Ethics.Gate;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;

namespace Ctms.Domain.Tests.Ethics.Gate;

/// <summary>The gate's one rule on facts: each condition alone, and the cases that combine them.</summary>
public sealed class EthicsGateRulesTests
{
    private static readonly DateTimeOffset Approved = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
    private static readonly GateDocument Protocol1 = new(Guid.NewGuid(), 1);
    private static readonly GateDocument Consent1 = new(Guid.NewGuid(), 1);

    private static GateDecision Decision(ReviewKind kind, EthicsOutcome outcome, DateTimeOffset at, DateTimeOffset? validUntil, params GateDocument[] documents) =>
        new(Guid.NewGuid(), kind, outcome, at, validUntil, [.. documents.Select(d => d.VersionId)]);

    private static GateDecision InitialApproval(EthicsOutcome outcome = EthicsOutcome.Approve) =>
        Decision(ReviewKind.Initial, outcome, Approved, Approved.AddMonths(12), Protocol1, Consent1);

    private static GateFacts Facts(ProjectStatus status = ProjectStatus.Enrolling, GateDocument? protocol = null, GateDocument? consent = null,
        params GateDecision[] decisions) => new(Guid.NewGuid(), status, protocol ?? Protocol1, consent ?? Consent1, decisions);

    private static string[] Failing(EthicsGateResult result) => [.. result.Conditions.Where(c => !c.Holds).Select(c => c.Code)];

    [Fact]
    public void A_fresh_approval_of_the_current_protocol_and_consent_opens_the_gate()
    {
        var result = EthicsGateRules.Evaluate(Facts(decisions: InitialApproval()), Approved.AddDays(1));
        result.Open.ShouldBeTrue();
        result.ApprovedUntil.ShouldBe(Approved.AddMonths(12));
        result.Missing.ShouldBeEmpty();
        result.Conditions.Select(c => c.Code).ShouldBe([EthicsGateRules.ProtocolApproved, EthicsGateRules.ConsentApproved, EthicsGateRules.ApprovalCurrent,
            EthicsGateRules.NotSuspended]);
    }

    [Fact]
    public void Without_any_decision_everything_about_the_approval_is_missing()
    {
        var result = EthicsGateRules.Evaluate(Facts(ProjectStatus.Approved), Approved);
        result.Open.ShouldBeFalse();
        Failing(result).ShouldBe([EthicsGateRules.ProtocolApproved, EthicsGateRules.ConsentApproved, EthicsGateRules.ApprovalCurrent]);
        result.Missing.ShouldContain("The study has no ethics approval yet.");
    }

    [Fact]
    public void An_approval_with_modifications_approves_as_well()
    {
        EthicsGateRules.Evaluate(Facts(decisions: InitialApproval(EthicsOutcome.ApproveWithModifications)), Approved.AddDays(1)).Open.ShouldBeTrue();
    }

    [Fact]
    public void A_decision_that_does_not_approve_leaves_it_closed()
    {
        var revise = Decision(ReviewKind.Initial, EthicsOutcome.ReviseAndResubmit, Approved, null, Protocol1, Consent1);
        Failing(EthicsGateRules.Evaluate(Facts(decisions: revise), Approved.AddDays(1)))
            .ShouldBe([EthicsGateRules.ProtocolApproved, EthicsGateRules.ConsentApproved, EthicsGateRules.ApprovalCurrent]);
    }

    [Fact]
    public void The_approval_lapses_at_its_end()
    {
        var facts = Facts(decisions: InitialApproval());
        EthicsGateRules.Evaluate(facts, Approved.AddMonths(12).AddSeconds(-1)).Open.ShouldBeTrue();
        var lapsed = EthicsGateRules.Evaluate(facts, Approved.AddMonths(12));
        Failing(lapsed).ShouldBe([EthicsGateRules.ApprovalCurrent]);
        lapsed.Missing.ShouldBe("The ethics approval lapsed on 2027-01-15: the continuing review is overdue.");
    }

    [Fact]
    public void An_approved_continuing_review_renews_the_lapsed_approval_and_one_that_does_not_approve_does_not()
    {
        var renewedAt = Approved.AddMonths(12).AddDays(3);
        var renewal = Decision(ReviewKind.Continuing, EthicsOutcome.Approve, renewedAt, renewedAt.AddMonths(12));
        var result = EthicsGateRules.Evaluate(Facts(decisions: [InitialApproval(), renewal]), renewedAt.AddDays(1));
        result.Open.ShouldBeTrue();
        result.ApprovedUntil.ShouldBe(renewedAt.AddMonths(12));

        var revise = Decision(ReviewKind.Continuing, EthicsOutcome.ReviseAndResubmit, renewedAt, null);
        Failing(EthicsGateRules.Evaluate(Facts(decisions: [InitialApproval(), revise]), renewedAt.AddDays(1))).ShouldBe([EthicsGateRules.ApprovalCurrent]);
    }

    [Fact]
    public void A_new_protocol_version_closes_the_gate_until_its_amendment_is_approved()
    {
        var protocol2 = new GateDocument(Guid.NewGuid(), 2);
        var facts = Facts(protocol: protocol2, decisions: InitialApproval());
        var closed = EthicsGateRules.Evaluate(facts, Approved.AddMonths(2));
        Failing(closed).ShouldBe([EthicsGateRules.ProtocolApproved]);
        closed.Conditions[0].VersionNumber.ShouldBe(2);
        closed.Missing.ShouldBe("The current protocol (version 2) is not approved by the ethics committee.");

        // An amendment approves the version without moving the approval's end (that is the continuing review's).
        var amendment = Decision(ReviewKind.Amendment, EthicsOutcome.Approve, Approved.AddMonths(3), null, protocol2);
        var open = EthicsGateRules.Evaluate(Facts(protocol: protocol2, decisions: [InitialApproval(), amendment]), Approved.AddMonths(4));
        open.Open.ShouldBeTrue();
        open.ApprovedUntil.ShouldBe(Approved.AddMonths(12));
        // A continuing review never approves a version: its decision does not count for a document.
        var continuing = Decision(ReviewKind.Continuing, EthicsOutcome.Approve, Approved.AddMonths(3), Approved.AddMonths(15), protocol2);
        Failing(EthicsGateRules.Evaluate(Facts(protocol: protocol2, decisions: [InitialApproval(), continuing]), Approved.AddMonths(4)))
            .ShouldBe([EthicsGateRules.ProtocolApproved]);
    }

    [Fact]
    public void A_consent_approved_without_the_protocol_keeps_it_closed()
    {
        var consentOnly = Decision(ReviewKind.Initial, EthicsOutcome.Approve, Approved, Approved.AddMonths(12), Consent1);
        Failing(EthicsGateRules.Evaluate(Facts(decisions: consentOnly), Approved.AddDays(1))).ShouldBe([EthicsGateRules.ProtocolApproved]);
    }

    [Fact]
    public void No_protocol_uploaded_is_said_so()
    {
        var result = EthicsGateRules.Evaluate(new GateFacts(Guid.NewGuid(), ProjectStatus.Approved, null, Consent1, [InitialApproval()]), Approved);
        result.Conditions[0].Detail.ShouldBe("No protocol has been uploaded.");
        result.Open.ShouldBeFalse();
    }

    [Fact]
    public void A_suspended_or_terminated_study_is_closed_until_the_committee_lifts_a_suspension()
    {
        Failing(EthicsGateRules.Evaluate(Facts(ProjectStatus.Suspended, decisions: InitialApproval()), Approved.AddDays(1))).ShouldBe([EthicsGateRules.NotSuspended]);
        Failing(EthicsGateRules.Evaluate(Facts(ProjectStatus.Terminated, decisions: InitialApproval()), Approved.AddDays(1))).ShouldBe([EthicsGateRules.NotSuspended]);

        var suspend = Decision(ReviewKind.Suspension, EthicsOutcome.Suspend, Approved.AddMonths(2), null);
        var stillEnrolling = EthicsGateRules.Evaluate(Facts(decisions: [InitialApproval(), suspend]), Approved.AddMonths(3));
        Failing(stillEnrolling).ShouldBe([EthicsGateRules.NotSuspended]);
        stillEnrolling.Missing.ShouldBe("The ethics committee suspended the study on 2026-03-15.");

        var resume = Decision(ReviewKind.Suspension, EthicsOutcome.Approve, Approved.AddMonths(4), null);
        EthicsGateRules.Evaluate(Facts(decisions: [InitialApproval(), suspend, resume]), Approved.AddMonths(5)).Open.ShouldBeTrue();

        var terminate = Decision(ReviewKind.Sae, EthicsOutcome.Terminate, Approved.AddMonths(2), null);
        Failing(EthicsGateRules.Evaluate(Facts(decisions: [InitialApproval(), terminate, resume]), Approved.AddMonths(5))).ShouldBe([EthicsGateRules.NotSuspended]);
    }
}
