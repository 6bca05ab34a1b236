using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Documents;

/// <summary>What the caller may do with a project's documents now, so a page offers only that (the commands check again).</summary>
public sealed record GetDocumentPermissions(Guid ProjectId) : IQuery<DocumentPermissionsDto>;

/// <summary><see cref="MayUpload"/>: upload now (the project's state counts); <see cref="MayAnnotate"/>: add and resolve annotations.</summary>
public sealed record DocumentPermissionsDto(bool MayUpload, bool MayAnnotate);

public sealed class GetDocumentPermissionsHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user)
    : IQueryHandler<GetDocumentPermissions, DocumentPermissionsDto>
{
    public async ValueTask<DocumentPermissionsDto> Handle(GetDocumentPermissions query, CancellationToken ct)
    {
        await access.EnsureAsync(user.Access, ProjectActions.Read, query.ProjectId, ct);
        bool mayUpload;
        try
        {
            await DocumentRules.EnsureMayUploadAsync(db, access, user.Access, query.ProjectId, ct);
            mayUpload = true;
        }
        catch (Exception e) when (e is ForbiddenException or ConflictException)
        {
            mayUpload = false;
        }
        return new DocumentPermissionsDto(mayUpload, await access.CanAsync(user.Access, ProjectActions.AnnotateDocuments, query.ProjectId, ct));
    }
}
