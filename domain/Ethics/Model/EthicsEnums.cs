namespace Ctms.Domain.Ethics.Model;

/// <summary>A member's role on the committee. Chairs, vice-chairs, members and lay members vote; secretaries and consultants do not.</summary>
public enum CommitteeRole
{
    Chair,
    ViceChair,
    Member,
    Secretary,
    LayMember,
    IndependentConsultant,
}

public enum MemberSex
{
    Female,
    Male,
}

/// <summary>What a review is about (the catalogue's processes).</summary>
public enum ReviewKind
{
    /// <summary>P05-P06: a new protocol.</summary>
    Initial,

    /// <summary>A01: a new protocol or informed consent version.</summary>
    Amendment,

    /// <summary>P14: the yearly progress report.</summary>
    Continuing,

    /// <summary>A02: a serious adverse event report.</summary>
    Sae,

    /// <summary>A03: a protocol deviation or violation.</summary>
    Deviation,

    /// <summary>A08: suspension or termination.</summary>
    Suspension,
}

/// <summary>How a review is decided: by primary reviewers and the chair (P07), or by the full board in a meeting (P08).</summary>
public enum ReviewTrack
{
    Expedited,
    FullBoard,
}

/// <summary>Where a review stands; the allowed moves are <see cref="EthicsReviewLifecycle"/>.</summary>
public enum ReviewStatus
{
    Submitted,
    InFormalReview,
    ReturnedForRevision,
    InExpeditedReview,
    AwaitingMeeting,
    OnAgenda,
    Decided,
    Withdrawn,
}

/// <summary>The committee's decision on a review (P09).</summary>
public enum EthicsOutcome
{
    Approve,
    ApproveWithModifications,
    ReviseAndResubmit,
    Disapprove,
    Suspend,
    Terminate,

    /// <summary>For reports (SAE, deviation, continuing review) that need no more than the committee's acknowledgement.</summary>
    Acknowledge,
}

/// <summary>A member's vote on a meeting item.</summary>
public enum VoteOption
{
    Approve,
    ApproveWithModifications,
    ReviseAndResubmit,
    Disapprove,
    Abstain,
}

public enum VoteStatus
{
    /// <summary>Cast and signed.</summary>
    Cast,

    /// <summary>Still open when the outcome was decided: cancelled, and recorded so.</summary>
    Cancelled,
}

public enum MeetingStatus
{
    Planned,
    InSession,
    Closed,
    Cancelled,
}

public enum MeetingItemStatus
{
    Pending,
    Voting,
    Decided,
    Deferred,
}

/// <summary>What it takes for an option to win a vote: counted over the votes cast, abstentions included, or over the members present.</summary>
public enum DecisionMajority
{
    /// <summary>More than half of the votes cast (abstentions count as cast and not for the option).</summary>
    MoreThanHalfOfVotesCast,

    /// <summary>More than half of the voting members present at the item (recused members not counted).</summary>
    MoreThanHalfOfVotersPresent,

    /// <summary>At least two thirds of the voting members present at the item.</summary>
    TwoThirdsOfVotersPresent,
}
