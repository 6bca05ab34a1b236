using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Documents;

/// <summary>A project's documents with all their versions (newest first) and each version's open annotations.</summary>
public sealed record ListProjectDocuments(Guid ProjectId) : IQuery<IReadOnlyList<ProjectDocumentDto>>;

public sealed class ListProjectDocumentsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListProjectDocuments, IReadOnlyList<ProjectDocumentDto>>
{
    public async ValueTask<IReadOnlyList<ProjectDocumentDto>> Handle(ListProjectDocuments query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        // The CTI office passes the access check for any id; an id that is no project is still not found.
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProjectId, ct)
                      ?? throw new NotFoundException($"Project {query.ProjectId} was not found.");
        var documents = await db.ProjectDocuments.AsNoTracking().Include(d => d.Versions)
            .Where(d => d.ProjectId == query.ProjectId).ToListAsync(ct);
        var versionIds = documents.SelectMany(d => d.Versions).Select(v => v.Id).ToList();
        var open = (await db.DocumentAnnotations.AsNoTracking()
                .Where(a => versionIds.Contains(a.VersionId) && a.ResolvedAt == null)
                .Select(a => a.VersionId).ToListAsync(ct))
            .CountBy(id => id).ToDictionary();
        var checklist = DocumentChecklist.For(project.Type, project.Phase).ToDictionary(i => i.Code);
        return documents
            .OrderBy(d => checklist.ContainsKey(d.Code) ? 0 : 1).ThenBy(d => d.CreatedAt)
            .Select(d => new ProjectDocumentDto(d.Id, d.ProjectId, d.Code,
                checklist.TryGetValue(d.Code, out var item) ? item.Title(CultureInfo.CurrentUICulture) : d.Title,
                checklist.ContainsKey(d.Code), d.CreatedBy, d.CreatedAt,
                [.. d.Versions.OrderByDescending(v => v.Number).Select(v => DocumentVersionDto.From(d, v, open.GetValueOrDefault(v.Id)))]))
            .ToList();
    }
}
