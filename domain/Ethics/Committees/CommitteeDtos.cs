using Ctms.Domain.Ethics.Model;

namespace Ctms.Domain.Ethics.Committees;

/// <summary>A committee with its quorum and decision rules and its seats.</summary>
public sealed record CommitteeDto(Guid Id, string Code, string Name, bool QuorumMajorityOfMembers, int QuorumMinimumPresent, bool QuorumRequiresLayMember,
    bool QuorumRequiresBothSexes, bool QuorumRequiresNonAffiliated, DecisionMajority DecisionMajority, int ContinuingReviewMonths,
    IReadOnlyList<MemberDto> Members)
{
    public static CommitteeDto From(EthicsCommittee c, IEnumerable<CommitteeMember> members, DateOnly today) =>
        new(c.Id, c.Code, c.Name, c.QuorumMajorityOfMembers, c.QuorumMinimumPresent, c.QuorumRequiresLayMember, c.QuorumRequiresBothSexes,
            c.QuorumRequiresNonAffiliated, c.DecisionMajority, c.ContinuingReviewMonths,
            [.. members.OrderBy(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.Ordinal).Select(m => MemberDto.From(m, today))]);
}

/// <summary>A seat on a committee; <see cref="InTerm"/> on the day it was read.</summary>
public sealed record MemberDto(Guid Id, Guid CommitteeId, string UserName, string DisplayName, CommitteeRole Role, MemberSex Sex, bool Affiliated,
    DateOnly TermStart, DateOnly TermEnd, IReadOnlyList<string> Expertise, bool Votes, bool InTerm)
{
    public static MemberDto From(CommitteeMember m, DateOnly today) =>
        new(m.Id, m.CommitteeId, m.UserName, m.DisplayName, m.Role, m.Sex, m.Affiliated, m.TermStart, m.TermEnd, m.ExpertiseList, m.Votes, m.InTermOn(today));
}

/// <summary>A declared conflict of interest of a member with a project.</summary>
public sealed record ConflictDto(Guid Id, Guid MemberId, string MemberUserName, string MemberName, Guid ProjectId, string Reason, string DeclaredBy,
    DateTimeOffset DeclaredAt, DateTimeOffset? WithdrawnAt, bool Active)
{
    public static ConflictDto From(ConflictOfInterest c, CommitteeMember m) =>
        new(c.Id, c.MemberId, m.UserName, m.DisplayName, c.ProjectId, c.Reason, c.DeclaredBy, c.DeclaredAt, c.WithdrawnAt, c.Active);
}
