namespace Ctms.Domain.Access;

/// <summary>A row of a project's delegation log as the API shows it.</summary>
public sealed record MembershipDto(Guid Id, Guid ProjectId, string UserId, string? UserName, string Role,
    DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RevokedAt, bool Active);
