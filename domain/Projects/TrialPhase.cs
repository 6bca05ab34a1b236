namespace Ctms.Domain.Projects;

/// <summary>The phase of a drug trial, or <see cref="Device"/> for a medical-device (or IVD) trial, which has none.</summary>
public enum TrialPhase
{
    PhaseI,
    PhaseII,
    PhaseIII,
    PhaseIV,
    Device,
}

/// <summary>Who initiates the study: a sponsor (industry, with a CRO perhaps) or one of the hospital's investigators.</summary>
public enum ProjectType
{
    SponsorInitiated,
    InvestigatorInitiated,
}
