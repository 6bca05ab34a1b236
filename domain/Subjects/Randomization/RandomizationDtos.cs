using Ctms.Domain.Subjects.Randomization.Algorithms;

namespace Ctms.Domain.Subjects.Randomization;

/// <summary>
/// The scheme as shown: never the seed or the lists. The block sizes only to those who configure it (they help guess the
/// next allocation at a block's end), null to others.
/// </summary>
public sealed record RandomizationSchemeDto(Guid ProjectId, bool Configured, string? Method, IReadOnlyList<int>? BlockSizes,
    IReadOnlyList<RandomizationFactor> Factors, double Probability, int ListLength, string Blinding, IReadOnlyList<string> UnblindedRoles,
    bool Locked, DateTimeOffset? LockedAt, string? LockedBy, string? ListHash, IReadOnlyList<ArmRatio> Arms, int Allocated);

/// <summary>An arm as shown to someone the blinding lets see it.</summary>
public sealed record ArmDto(string Code, string Name);

/// <summary>The answer of a randomization: the arm only when the blinding lets the caller see it.</summary>
public sealed record RandomizationResultDto(Guid SubjectId, string RandomizationNumber, DateTimeOffset RandomizedAt, string Stratum, bool Blinded, ArmDto? Arm);

/// <summary>A subject's allocation as the caller may see it.</summary>
public sealed record AllocationDto(Guid SubjectId, bool Randomized, string? RandomizationNumber, DateTimeOffset? RandomizedAt, bool Blinded, ArmDto? Arm,
    string Blinding, bool UnblindedByMe, bool CanUnblind, bool CanSwitchArm);

/// <summary>What an emergency unblinding answers to the PI.</summary>
public sealed record UnblindingDto(Guid SubjectId, Guid EventId, DateTimeOffset At, ArmDto Arm);

/// <summary>The statistician's list: every row with whether it is used, and the hash to check a regeneration against.</summary>
public sealed record RandomizationListExportDto(Guid ProjectId, string Method, string? ListHash, DateTimeOffset? LockedAt,
    IReadOnlyList<RandomizationListRowDto> Rows);

public sealed record RandomizationListRowDto(string Stratum, int Sequence, int Block, string Arm, string? RandomizationNumber, DateTimeOffset? AllocatedAt);
