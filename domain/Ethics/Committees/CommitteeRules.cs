using Ctms.Domain.Common;
using Ctms.Domain.Ethics.Model;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>The rules a committee's meetings follow: quorum, majority, and how long an approval lasts.</summary>
public sealed record CommitteeRules(bool QuorumMajorityOfMembers = true, int QuorumMinimumPresent = 5, bool QuorumRequiresLayMember = true,
    bool QuorumRequiresBothSexes = true, bool QuorumRequiresNonAffiliated = true,
    DecisionMajority DecisionMajority = DecisionMajority.MoreThanHalfOfVotersPresent, int ContinuingReviewMonths = 12)
{
    public void Validate(Validator v)
    {
        v.Must(QuorumMinimumPresent is >= 0 and <= 100, "quorumMinimumPresent", "The minimum present is from 0 to 100.");
        v.Must(ContinuingReviewMonths is >= 1 and <= 60, "continuingReviewMonths", "An approval lasts from 1 to 60 months.");
        v.Must(Enum.IsDefined(DecisionMajority), "decisionMajority", "Unknown decision majority.");
    }

    public void ApplyTo(EthicsCommittee c)
    {
        c.QuorumMajorityOfMembers = QuorumMajorityOfMembers;
        c.QuorumMinimumPresent = QuorumMinimumPresent;
        c.QuorumRequiresLayMember = QuorumRequiresLayMember;
        c.QuorumRequiresBothSexes = QuorumRequiresBothSexes;
        c.QuorumRequiresNonAffiliated = QuorumRequiresNonAffiliated;
        c.DecisionMajority = DecisionMajority;
        c.ContinuingReviewMonths = ContinuingReviewMonths;
        c.Version = Guid.NewGuid();
    }
}
