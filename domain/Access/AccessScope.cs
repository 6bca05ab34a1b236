namespace Ctms.Domain.Access;

/// <summary>Where an access rule applies.</summary>
public enum AccessScope
{
    /// <summary>Granted by a membership on the project, only while that membership is active.</summary>
    Project,

    /// <summary>Granted by the user's global role on every project (the CTI office, for instance).</summary>
    AllProjects,

    /// <summary>
    /// Granted by the user's global role on every project the CTI director has approved (and on through its life):
    /// the ethics committee sees a project once it is approved for review, not while it is an application.
    /// </summary>
    ApprovedProjects,
}
