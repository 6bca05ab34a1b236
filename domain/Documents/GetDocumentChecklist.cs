using System.Globalization;
using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Documents;

/// <summary>The project's checklist (<see cref="DocumentChecklist"/>) with the document that fulfils each item, if any.</summary>
public sealed record GetDocumentChecklist(Guid ProjectId) : IQuery<DocumentChecklistDto>;

public sealed class GetDocumentChecklistHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<GetDocumentChecklist, DocumentChecklistDto>
{
    public async ValueTask<DocumentChecklistDto> Handle(GetDocumentChecklist query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        // The CTI office passes the access check for any id; an id that is no project is still not found.
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.ProjectId, ct)
                      ?? throw new NotFoundException($"Project {query.ProjectId} was not found.");
        var items = DocumentChecklist.For(project.Type, project.Phase);
        var codes = items.Select(i => i.Code).ToList();
        var uploaded = await (from d in db.ProjectDocuments.AsNoTracking()
                              where d.ProjectId == project.Id && codes.Contains(d.Code)
                              select new { d.Code, d.Id, Latest = d.Versions.Max(v => (int?)v.Number) })
            .ToListAsync(ct);
        var byCode = uploaded.Where(u => u.Latest is not null).ToDictionary(u => u.Code);
        var result = items.Select(i => byCode.TryGetValue(i.Code, out var d)
                ? new ChecklistItemDto(i.Code, i.Title(CultureInfo.CurrentUICulture), i.Required, d.Id, d.Latest)
                : new ChecklistItemDto(i.Code, i.Title(CultureInfo.CurrentUICulture), i.Required, null, null))
            .ToList();
        return new DocumentChecklistDto(result, result.All(i => !i.Required || i.DocumentId is not null));
    }
}
