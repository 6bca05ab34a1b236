namespace Ctms.Domain.People;

/// <summary>Where an investigator's GCP qualification stands today.</summary>
public enum QualificationState
{
    /// <summary>No certificate on record.</summary>
    None,

    /// <summary>A certificate is valid for more than <see cref="Qualification.WarningDays"/> days.</summary>
    Valid,

    /// <summary>The certificate that is valid today expires within <see cref="Qualification.WarningDays"/> days.</summary>
    Expiring,

    /// <summary>No certificate is valid today.</summary>
    Expired,
}
