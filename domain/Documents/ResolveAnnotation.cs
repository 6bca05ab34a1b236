using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Documents;

/// <summary>Marks an annotation as dealt with (the reviewer saw the revision answer it); once only.</summary>
public sealed record ResolveAnnotation(Guid AnnotationId) : ICommand<DocumentAnnotationDto>;

public sealed class ResolveAnnotationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<ResolveAnnotation, DocumentAnnotationDto>
{
    public async ValueTask<DocumentAnnotationDto> Handle(ResolveAnnotation command, CancellationToken ct)
    {
        var annotation = await db.DocumentAnnotations.SingleOrDefaultAsync(a => a.Id == command.AnnotationId, ct)
                         ?? throw new NotFoundException($"Annotation {command.AnnotationId} was not found.");
        DocumentRules.Found found;
        try
        {
            found = await DocumentRules.ReadableVersionAsync(db, access, user.Access, annotation.VersionId, ct);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException($"Annotation {command.AnnotationId} was not found.");
        }
        await access.EnsureAsync(user.Access, ProjectActions.AnnotateDocuments, found.Document.ProjectId, ct);
        annotation.Resolve(user.UserName ?? user.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return AnnotationRows.Dto(annotation, found.Document, found.Version);
    }
}
