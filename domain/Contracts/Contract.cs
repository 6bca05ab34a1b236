using Ctms.Domain.Audit;
using Ctms.Domain.Common;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The clinical trial agreement of one project between the hospital, the sponsor (and its CRO) and the PI, with its
/// budget. Drafted and reviewed in P10, signed in P11, changed afterwards only by amendments (A07).
/// </summary>
public sealed class Contract : IAudited
{
    public const int NumberMax = 80;
    public const int TitleMax = 500;
    public const int PartyMax = 200;
    public const string DefaultCurrency = "CNY";

    private readonly List<BudgetLine> _lines = [];

    private Contract() { }

    internal Contract(Guid projectId, string number, ContractTerms terms, string createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Number = number;
        Status = ContractStatus.Draft;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Apply(terms);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The contract's number: the project's number (or protocol number) with a "-C" suffix.</summary>
    public string Number { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string? SponsorParty { get; private set; }
    public string? CroParty { get; private set; }
    public string HospitalParty { get; private set; } = "";

    /// <summary>ISO 4217 code; CNY unless the draft says otherwise.</summary>
    public string Currency { get; private set; } = DefaultCurrency;

    public ContractStatus Status { get; private set; }

    /// <summary>The sum of the current lines' totals, computed on the server.</summary>
    public decimal Total { get; private set; }

    /// <summary>The current review round: each submission opens the next.</summary>
    public int ReviewRound { get; private set; }

    /// <summary>The number of the effective budget revision; 0 until the contract is signed.</summary>
    public int EffectiveRevision { get; private set; }

    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public IReadOnlyList<BudgetLine> Lines => _lines;

    public bool IsEditable => Status is ContractStatus.Draft or ContractStatus.ChangesRequested;

    /// <summary>Replaces the terms (a redraft); only while the draft is open.</summary>
    internal void Redraft(ContractTerms terms)
    {
        EnsureEditable();
        Apply(terms);
    }

    /// <summary>Replaces the budget lines with computed ones; only while the draft is open (or by an applied amendment).</summary>
    internal void ReplaceLines(IReadOnlyList<BudgetLineSnapshot> lines, bool byAmendment = false)
    {
        if (!byAmendment)
        {
            EnsureEditable();
        }
        _lines.Clear();
        for (var i = 0; i < lines.Count; i++)
        {
            _lines.Add(new BudgetLine(Id, i + 1, lines[i]));
        }
        Total = Budget.Total(lines);
        Version = Guid.NewGuid();
    }

    internal void Submit(DateTimeOffset at)
    {
        EnsureEditable();
        if (_lines.Count == 0)
        {
            throw new ConflictException("The contract has no budget lines yet; set them before submitting it for review.");
        }
        Status = ContractStatus.UnderReview;
        ReviewRound++;
        SubmittedAt = at;
        Version = Guid.NewGuid();
    }

    /// <summary>Closes the review round once every reviewer decided: all approved → ready to sign, else back to the drafter.</summary>
    internal void CloseRound(bool allApproved)
    {
        Status = allApproved ? ContractStatus.ReadyToSign : ContractStatus.ChangesRequested;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Marks a change of what hangs from the contract (a review, a signature, an amendment's step), so two of them at
    /// once conflict (409) instead of each deciding on a state without the other: two last reviewers who both see the
    /// round as incomplete, or two signatures of one party.
    /// </summary>
    internal void Touch() => Version = Guid.NewGuid();

    internal void MarkSigned(DateTimeOffset at)
    {
        Status = ContractStatus.Signed;
        SignedAt = at;
        EffectiveRevision = 1;
        Version = Guid.NewGuid();
    }

    internal void RevisionBecameEffective(int number)
    {
        EffectiveRevision = number;
        Version = Guid.NewGuid();
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new ConflictException($"The contract is {Status}; its terms and budget change only while it is a draft or changes were requested{(Status == ContractStatus.Signed ? ", or by an amendment" : "")}.");
        }
    }

    private void Apply(ContractTerms terms)
    {
        Title = terms.Title;
        SponsorParty = terms.SponsorParty;
        CroParty = terms.CroParty;
        HospitalParty = terms.HospitalParty;
        Currency = terms.Currency;
        Version = Guid.NewGuid();
    }
}
