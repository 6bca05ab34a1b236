namespace Ctms.Domain.KickOff;

/// <summary>What a study-team member was trained on at the kick-off; stored by name.</summary>
public enum TrainingTopic
{
    /// <summary>The protocol: every delegated study-team member needs it before enrollment opens.</summary>
    Protocol,
    Gcp,
    Ecrf,
    IpHandling,
    SaeReporting,
    InformedConsent,
    Other,
}
