namespace Ctms.Api.Tests.Infrastructure;

// The API's responses as a client reads them; kept apart from the host's types so that a renamed field breaks a test.
public sealed record ProjectBody(Guid Id, string ProtocolNumber, string Title, string? Sponsor, string Status, Guid Version);

public sealed record MembershipBody(Guid Id, Guid ProjectId, string UserId, string? UserName, string Role,
    DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil, DateTimeOffset? RevokedAt, bool Active);

public sealed record AuditBody(long Sequence, string UserId, string? UserName, string Action, string EntityType, string EntityKey,
    string Field, string? OldValue, string? NewValue, string? Reason);

public sealed record AuditReportBody(bool Intact, long RecordsChecked, long? FirstBrokenSequence, string? Problem);
