namespace Ctms.Domain.Projects;

/// <summary>
/// Where a study stands in its life at the hospital, from the applicant's draft to the archive. The allowed moves are
/// <see cref="ProjectLifecycle"/>'s; stored by name, so adding a state never renumbers the ones in the database.
/// </summary>
public enum ProjectStatus
{
    /// <summary>The applicant is preparing the application and its materials (P01).</summary>
    Draft,

    /// <summary>Submitted to the CTI office; waiting for the formal review (P02).</summary>
    Submitted,

    /// <summary>The CTI secretary is checking the materials (P02).</summary>
    InFormalReview,

    /// <summary>Sent back to the applicant with annotations (A06); resubmission returns it to <see cref="Submitted"/>.</summary>
    ReturnedForRevision,

    /// <summary>The department head and the PI confirm the PI, the capacity and the conflicts of interest (P03).</summary>
    AwaitingConfirmation,

    /// <summary>Waiting for the CTI director's decision (P04).</summary>
    AwaitingApproval,

    /// <summary>Approved by the CTI director and numbered; visible to the ethics committee.</summary>
    Approved,

    /// <summary>Refused by the CTI director. Final.</summary>
    Rejected,

    /// <summary>Withdrawn by the applicant or the CTI office before approval. Final.</summary>
    Withdrawn,

    /// <summary>The contract is signed and the budget effective (P11).</summary>
    Contracted,

    /// <summary>The kick-off meeting was signed off; subjects may be enrolled (P12).</summary>
    Enrolling,

    /// <summary>Close-out is under way (P13).</summary>
    Closing,

    /// <summary>Closed and archived (P13). Final.</summary>
    Archived,

    /// <summary>Halted for now (by the EC or the sponsor); resumes where it was.</summary>
    Suspended,

    /// <summary>Stopped for good before its end; still closed out and archived.</summary>
    Terminated,
}
