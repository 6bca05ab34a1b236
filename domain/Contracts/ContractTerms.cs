namespace Ctms.Domain.Contracts;

/// <summary>The contract's terms apart from the budget: title, parties and currency (trimmed and defaulted).</summary>
public sealed record ContractTerms(string Title, string? SponsorParty, string? CroParty, string HospitalParty, string Currency);
