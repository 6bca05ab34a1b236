namespace Ctms.Domain.Contracts;

/// <summary>Where a contract is in P10 (review) and P11 (signing).</summary>
public enum ContractStatus
{
    /// <summary>The CTI office drafts the terms and the budget lines.</summary>
    Draft,

    /// <summary>Submitted: the CTI office, finance and the PI each review the round.</summary>
    UnderReview,

    /// <summary>A reviewer asked for changes: back with the CTI office to redraft (the revision loop).</summary>
    ChangesRequested,

    /// <summary>Every reviewer approved the round: the parties sign (P11).</summary>
    ReadyToSign,

    /// <summary>All parties signed: the contract and its budget are effective; changes only by amendment (A07).</summary>
    Signed,
}
