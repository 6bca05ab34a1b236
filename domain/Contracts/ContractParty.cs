namespace Ctms.Domain.Contracts;

/// <summary>Who signs a contract or an amendment.</summary>
public enum ContractParty
{
    /// <summary>The hospital, signed by the CTI director.</summary>
    Hospital,

    /// <summary>The sponsor, signed by the project's applicant.</summary>
    Sponsor,

    /// <summary>The principal investigator of the project.</summary>
    PrincipalInvestigator,
}
