using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Ethics.Model;
using Ctms.Domain.Projects;
using Ctms.Domain.Signatures;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Ethics.Reviews;

/// <summary>Builds what the pages and the REST API show of reviews, in one place for the list and the detail.</summary>
internal static class ReviewViews
{
    public static ReviewSummaryDto Summary(EthicsReview r, Project project, IReadOnlyList<string> reviewers) =>
        new(r.Id, r.ProjectId, project.ProtocolNumber, project.Title, r.CommitteeId, r.Kind, r.Title, r.Reference, r.Track, r.Status, r.StatusChangedAt,
            r.SubmittedBy, r.SubmittedAt, r.DueAt, r.DecidedAt, reviewers, r.Assignments.Count(a => a.Opinion is not null));

    /// <summary>The summaries of the reviews a query selects, newest first, with their projects and reviewers' names.</summary>
    public static async Task<IReadOnlyList<ReviewSummaryDto>> SummariesAsync(CtmsDbContext db, IQueryable<EthicsReview> reviews, CancellationToken ct)
    {
        // Newest first by id (a version 7 GUID: creation order; SQLite cannot order by a DateTimeOffset), then by the last move.
        var rows = (await reviews.AsNoTracking().Include(r => r.Assignments).OrderByDescending(r => r.Id).Take(500).ToListAsync(ct))
            .OrderByDescending(r => r.StatusChangedAt).ToList();
        var projectIds = rows.Select(r => r.ProjectId).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var memberIds = rows.SelectMany(r => r.Assignments).Select(a => a.MemberId).Distinct().ToList();
        var names = await db.CommitteeMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, ct);
        return [.. rows.Select(r => Summary(r, projects[r.ProjectId], [.. r.Assignments.Select(a => names.GetValueOrDefault(a.MemberId, "?"))]))];
    }

    public static async Task<ReviewDto> DetailAsync(CtmsDbContext db, SignatureService signatures, EthicsReview r, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == r.ProjectId, ct);
        var committee = await db.EthicsCommittees.AsNoTracking().Where(c => c.Id == r.CommitteeId).Select(c => c.Name).SingleAsync(ct);
        var versionIds = r.Documents.Select(d => d.DocumentVersionId).ToList();
        var versions = await (from v in db.DocumentVersions.AsNoTracking()
                              join d in db.ProjectDocuments.AsNoTracking() on v.DocumentId equals d.Id
                              where versionIds.Contains(v.Id)
                              select new { v.Id, d.Title, v.Number, v.FileName, v.UploadedAt }).ToDictionaryAsync(v => v.Id, ct);
        var documents = r.Documents.OrderBy(d => d.DocumentType, StringComparer.Ordinal)
            .Select(d =>
            {
                var v = versions[d.DocumentVersionId];
                return new ReviewDocumentDto(d.DocumentVersionId, d.DocumentType, v.Title, v.Number, v.FileName, v.UploadedAt);
            })
            .ToList();
        var memberIds = r.Assignments.Select(a => a.MemberId).ToList();
        var members = await db.CommitteeMembers.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var assignments = new List<AssignmentDto>();
        foreach (var a in r.Assignments.OrderBy(a => a.AssignedAt))
        {
            var member = members[a.MemberId];
            assignments.Add(new AssignmentDto(a.Id, a.MemberId, member.UserName, member.DisplayName, a.AssignedBy, a.AssignedAt, a.Opinion, a.OpinionText,
                Checklist(a.Checklist), a.OpinionAt, await signatures.CheckAsync(a, ct)));
        }
        var decision = await db.EthicsDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.ReviewId == r.Id, ct);
        var decisionDto = decision is null
            ? null
            : new DecisionDto(decision.Id, decision.Outcome, decision.Conditions, decision.DecidedBy, decision.DecidedAt, decision.ValidUntil,
                decision.LetterDocumentVersionId, await signatures.CheckAsync(decision, ct));
        return new ReviewDto(r.Id, r.ProjectId, project.ProtocolNumber, project.Title, r.CommitteeId, committee, r.Kind, r.Title, r.Summary, r.Reference,
            r.Track, r.Status, r.StatusChangedAt, r.SubmittedBy, r.SubmittedAt, r.DueAt, r.DecidedAt, documents, assignments, decisionDto);
    }

    private static Dictionary<string, string>? Checklist(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
}
