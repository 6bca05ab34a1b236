namespace Ctms.Domain.Contracts;

/// <summary>Where a contract amendment (A07) is.</summary>
public enum AmendmentStatus
{
    /// <summary>Proposed by the CTI office; finance reviews it.</summary>
    Proposed,

    /// <summary>Finance approved it; the CTI director decides.</summary>
    FinanceApproved,

    /// <summary>The CTI director approved it; the hospital and the sponsor sign.</summary>
    Approved,

    /// <summary>Finance or the director asked for changes: the CTI office proposes again (the revision loop).</summary>
    ChangesRequested,

    /// <summary>Signed by both parties: its budget is the contract's new effective revision.</summary>
    Effective,
}
