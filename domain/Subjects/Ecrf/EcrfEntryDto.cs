using System.Text.Json.Nodes;
using Ctms.Domain.Signatures;

namespace Ctms.Domain.Subjects.Ecrf;

public sealed record EcrfQueryDto(Guid Id, Guid EntryId, string Field, string Text, string? CheckCode, EcrfQueryStatus Status, string RaisedBy,
    DateTimeOffset RaisedAt, string? Answer, string? AnsweredBy, DateTimeOffset? AnsweredAt, string? ClosedBy, DateTimeOffset? ClosedAt)
{
    public static EcrfQueryDto From(EcrfQuery q) =>
        new(q.Id, q.EntryId, q.Field, q.Text, q.CheckCode, q.Status, q.RaisedBy, q.RaisedAt, q.Answer, q.AnsweredBy, q.AnsweredAt, q.ClosedBy, q.ClosedAt);
}

/// <summary>An e-CRF page of a visit as the API shows it: its data, its status, its queries and its signatures (each intact or broken).</summary>
public sealed record EcrfEntryDto(Guid EntryId, Guid SubjectId, string VisitCode, string PageCode, int PageVersion, EcrfEntryStatus Status,
    JsonObject Data, string UpdatedBy, DateTimeOffset UpdatedAt, DateTimeOffset? SignedAt, string? SignedBy, IReadOnlyList<EcrfQueryDto> Queries,
    IReadOnlyList<SignatureView> Signatures)
{
    public static EcrfEntryStatus StatusOf(EcrfEntry entry, IEnumerable<EcrfQuery> queries) =>
        queries.Any(q => q.EntryId == entry.Id && q.Status != EcrfQueryStatus.Closed) ? EcrfEntryStatus.Queried
        : entry.SignedAt is not null ? EcrfEntryStatus.Signed
        : EcrfEntryStatus.Entered;

    public static EcrfEntryDto From(EcrfEntry e, IReadOnlyList<EcrfQuery> queries, IReadOnlyList<SignatureView> signatures) =>
        new(e.Id, e.SubjectId, e.VisitCode, e.PageCode, e.PageVersion, StatusOf(e, queries), JsonNode.Parse(e.Data) as JsonObject ?? [], e.UpdatedBy,
            e.UpdatedAt, e.SignedAt, e.SignedBy, [.. queries.Where(q => q.EntryId == e.Id).OrderBy(q => q.RaisedAt).Select(EcrfQueryDto.From)], signatures);
}
