using Ctms.Domain.Audit;
using Ctms.Domain.Common;

namespace Ctms.Domain.Contracts;

/// <summary>
/// A supplementary agreement (A07) that changes a signed contract's budget: the reason, the new lines, the approvals of
/// finance and the CTI director, the signatures of the hospital and the sponsor; signed, it becomes a budget revision.
/// </summary>
public sealed class ContractAmendment : IAudited
{
    public const int ReasonMax = 2000;

    private ContractAmendment() { }

    internal ContractAmendment(Guid contractId, int number, string reason, IReadOnlyList<BudgetLineSnapshot> lines, DateOnly effectiveFrom,
        string proposedBy, DateTimeOffset proposedAt)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        Number = number;
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
        Revise(reason, lines, effectiveFrom);
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>The amendment's number on its contract, from 1.</summary>
    public int Number { get; private set; }

    public string Reason { get; private set; } = "";
    public string LinesJson { get; private set; } = "[]";
    public decimal Total { get; private set; }
    public DateOnly EffectiveFrom { get; private set; }
    public AmendmentStatus Status { get; private set; }

    /// <summary>The review round: each (re)proposal opens the next.</summary>
    public int Round { get; private set; }

    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public DateTimeOffset? EffectiveAt { get; private set; }

    /// <summary>The budget revision it made, once effective.</summary>
    public int? RevisionNumber { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<BudgetLineSnapshot> Lines => Budget.FromJson(LinesJson);

    public bool IsOpen => Status != AmendmentStatus.Effective;

    /// <summary>Proposes it again with new content after changes were requested.</summary>
    internal void Revise(string reason, IReadOnlyList<BudgetLineSnapshot> lines, DateOnly effectiveFrom)
    {
        if (Round > 0 && Status != AmendmentStatus.ChangesRequested)
        {
            throw new ConflictException($"Amendment {Number} is {Status}; it is proposed again only after changes were requested.");
        }
        Reason = reason;
        LinesJson = Budget.ToJson(lines);
        Total = Budget.Total(lines);
        EffectiveFrom = effectiveFrom;
        Status = AmendmentStatus.Proposed;
        Round++;
        Version = Guid.NewGuid();
    }

    internal void Decide(AmendmentStatus next)
    {
        Status = next;
        Version = Guid.NewGuid();
    }

    internal void BecameEffective(int revisionNumber, DateTimeOffset at)
    {
        Status = AmendmentStatus.Effective;
        RevisionNumber = revisionNumber;
        EffectiveAt = at;
        Version = Guid.NewGuid();
    }
}
