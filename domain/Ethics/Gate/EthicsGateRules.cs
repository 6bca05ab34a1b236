using System.Globalization;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;

namespace Ctms.Domain.Ethics.Gate;

/// <summary>What the gate needs to know of a project, loaded by <see cref="EthicsGate"/> (or built by a test).</summary>
public sealed record GateFacts(Guid ProjectId, ProjectStatus Status, GateDocument? Protocol, GateDocument? Consent, IReadOnlyList<GateDecision> Decisions);

/// <summary>The current (latest) version of a document the gate asks an approval for.</summary>
public sealed record GateDocument(Guid VersionId, int Number);

/// <summary>A decision of the committee on one of the project's reviews, with the document versions that review had.</summary>
public sealed record GateDecision(Guid DecisionId, ReviewKind Kind, EthicsOutcome Outcome, DateTimeOffset DecidedAt, DateTimeOffset? ValidUntil,
    IReadOnlyCollection<Guid> DocumentVersionIds)
{
    public bool Approves => Outcome is EthicsOutcome.Approve or EthicsOutcome.ApproveWithModifications;
}

/// <summary>
/// The gate's rule, on facts only: open when the current protocol and consent versions were each approved by an
/// approving decision of a review (initial or amendment) that had that version under review, the approval has not
/// lapsed (the latest approval of an initial or continuing review is still valid), and the study is neither
/// suspended nor terminated. Each condition says whether it holds and why.
/// </summary>
public static class EthicsGateRules
{
    public const string ProtocolApproved = "protocol-approved";
    public const string ConsentApproved = "consent-approved";
    public const string ApprovalCurrent = "approval-current";
    public const string NotSuspended = "not-suspended";

    private static readonly ReviewKind[] VersionReviews = [ReviewKind.Initial, ReviewKind.Amendment];
    private static readonly ReviewKind[] ValidityReviews = [ReviewKind.Initial, ReviewKind.Continuing];

    public static EthicsGateResult Evaluate(GateFacts facts, DateTimeOffset at)
    {
        GateCondition[] conditions =
        [
            VersionApproved(ProtocolApproved, "protocol", facts.Protocol, facts.Decisions),
            VersionApproved(ConsentApproved, "informed consent form", facts.Consent, facts.Decisions),
            Current(facts.Decisions, at),
            NotStopped(facts.Status, facts.Decisions),
        ];
        var validity = LatestValidity(facts.Decisions);
        return new EthicsGateResult(facts.ProjectId, conditions.All(c => c.Holds), at, validity?.ValidUntil, facts.Protocol?.VersionId,
            facts.Consent?.VersionId, conditions);
    }

    private static GateCondition VersionApproved(string code, string what, GateDocument? current, IReadOnlyList<GateDecision> decisions)
    {
        if (current is null)
        {
            return new GateCondition(code, false, $"No {what} has been uploaded.", null, null);
        }
        var approval = decisions.Where(d => d.Approves && VersionReviews.Contains(d.Kind) && d.DocumentVersionIds.Contains(current.VersionId))
            .MaxBy(d => d.DecidedAt);
        return approval is null
            ? new GateCondition(code, false, $"The current {what} (version {current.Number}) is not approved by the ethics committee.", current.Number, null)
            : new GateCondition(code, true, $"The current {what} (version {current.Number}) was approved on {Day(approval.DecidedAt)}.", current.Number,
                approval.DecidedAt);
    }

    /// <summary>The approval whose validity counts: the latest approving decision of an initial or continuing review.</summary>
    private static GateDecision? LatestValidity(IReadOnlyList<GateDecision> decisions) =>
        decisions.Where(d => d.Approves && ValidityReviews.Contains(d.Kind)).MaxBy(d => d.DecidedAt);

    private static GateCondition Current(IReadOnlyList<GateDecision> decisions, DateTimeOffset at)
    {
        var validity = LatestValidity(decisions);
        if (validity is null)
        {
            return new GateCondition(ApprovalCurrent, false, "The study has no ethics approval yet.", null, null);
        }
        if (validity.ValidUntil is { } until && until <= at)
        {
            return new GateCondition(ApprovalCurrent, false,
                $"The ethics approval lapsed on {Day(until)}: the continuing review is overdue.", null, until);
        }
        return new GateCondition(ApprovalCurrent, true, validity.ValidUntil is { } valid
            ? $"The ethics approval is valid until {Day(valid)}."
            : "The ethics approval has no end date.", null, validity.ValidUntil);
    }

    private static GateCondition NotStopped(ProjectStatus status, IReadOnlyList<GateDecision> decisions)
    {
        if (status is ProjectStatus.Suspended or ProjectStatus.Terminated)
        {
            return new GateCondition(NotSuspended, false, $"The study is {status.ToString().ToLowerInvariant()}.", null, null);
        }
        var stop = decisions.Where(d => d.Outcome is EthicsOutcome.Suspend or EthicsOutcome.Terminate).MaxBy(d => d.DecidedAt);
        var resumed = stop is not null && stop.Outcome == EthicsOutcome.Suspend
            && decisions.Any(d => d.Approves && d.Kind == ReviewKind.Suspension && d.DecidedAt > stop.DecidedAt);
        return stop is null || resumed
            ? new GateCondition(NotSuspended, true, "The study is neither suspended nor terminated.", null, null)
            : new GateCondition(NotSuspended, false, stop.Outcome == EthicsOutcome.Terminate
                ? $"The ethics committee terminated the study on {Day(stop.DecidedAt)}."
                : $"The ethics committee suspended the study on {Day(stop.DecidedAt)}.", null, stop.DecidedAt);
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One condition of the gate: its code (<see cref="EthicsGateRules"/>), whether it holds, the reason in English, for the
/// document conditions the current version's number, and the date it is about (when the version was approved, until
/// when the approval lasts, when it lapsed, when the study was stopped) for the pages to word it in their language.
/// </summary>
public sealed record GateCondition(string Code, bool Holds, string Detail, int? VersionNumber, DateTimeOffset? At);

/// <summary>The gate of a project at a moment: open or not, each condition, and the current approval's end and versions.</summary>
public sealed record EthicsGateResult(Guid ProjectId, bool Open, DateTimeOffset EvaluatedAt, DateTimeOffset? ApprovedUntil, Guid? ProtocolVersionId,
    Guid? ConsentVersionId, IReadOnlyList<GateCondition> Conditions)
{
    /// <summary>What is missing, in one sentence (empty when open).</summary>
    public string Missing => string.Join(" ", Conditions.Where(c => !c.Holds).Select(c => c.Detail));
}
