using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Documents;

/// <summary>
/// The annotations of one version (<see cref="VersionId"/>) or of a whole project (<see cref="ProjectId"/>), oldest
/// first; <see cref="OpenOnly"/> leaves out resolved ones, <see cref="LatestVersionsOnly"/> keeps only those on each
/// document's latest version (what a revision still has to answer).
/// </summary>
public sealed record ListAnnotations(Guid? ProjectId = null, Guid? VersionId = null, bool OpenOnly = false, bool LatestVersionsOnly = false)
    : IQuery<IReadOnlyList<DocumentAnnotationDto>>, IValidatable
{
    public void Validate(Validator v) => v
        .Must(ProjectId is not null ^ VersionId is not null, nameof(ProjectId), "Name either the project or the version.");
}

public sealed class ListAnnotationsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<ListAnnotations, IReadOnlyList<DocumentAnnotationDto>>
{
    public async ValueTask<IReadOnlyList<DocumentAnnotationDto>> Handle(ListAnnotations query, CancellationToken ct)
    {
        List<DocumentVersion> versions;
        List<ProjectDocument> documents;
        if (query.VersionId is { } versionId)
        {
            var found = await DocumentRules.ReadableVersionAsync(db, access, user.Access, versionId, ct);
            (documents, versions) = ([found.Document], [found.Version]);
        }
        else
        {
            var projectId = query.ProjectId!.Value;
            await access.EnsureAsync(user.Access, ProjectActions.Read, projectId, ct);
            documents = await db.ProjectDocuments.AsNoTracking().Where(d => d.ProjectId == projectId).ToListAsync(ct);
            var documentIds = documents.Select(d => d.Id).ToList();
            versions = await db.DocumentVersions.AsNoTracking().Where(v => documentIds.Contains(v.DocumentId)).ToListAsync(ct);
        }
        if (query.LatestVersionsOnly)
        {
            versions = [.. versions.GroupBy(v => v.DocumentId).Select(g => g.MaxBy(v => v.Number)!)];
        }
        var byId = versions.ToDictionary(v => v.Id);
        var ids = byId.Keys.ToList();
        var annotations = await db.DocumentAnnotations.AsNoTracking()
            .Where(a => ids.Contains(a.VersionId) && (!query.OpenOnly || a.ResolvedAt == null))
            .ToListAsync(ct);
        var documentsById = documents.ToDictionary(d => d.Id);
        return annotations.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => AnnotationRows.Dto(a, documentsById[byId[a.VersionId].DocumentId], byId[a.VersionId]))
            .ToList();
    }
}

/// <summary>Builds the annotation rows the API shows.</summary>
internal static class AnnotationRows
{
    public static DocumentAnnotationDto Dto(DocumentAnnotation a, ProjectDocument d, DocumentVersion v) => new(a.Id, a.VersionId, d.Id,
        d.Title, v.Number, a.Text, a.Page, a.Anchor, a.Author, a.CreatedAt, a.ResolvedBy, a.ResolvedAt);
}
