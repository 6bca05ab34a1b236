using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Documents;

/// <summary>The file of one document version, for a user who may read its project (anyone else: not found).</summary>
public sealed record GetDocumentContent(Guid VersionId) : IQuery<DocumentContent>;

public sealed class GetDocumentContentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, FileStore store)
    : IQueryHandler<GetDocumentContent, DocumentContent>
{
    public async ValueTask<DocumentContent> Handle(GetDocumentContent query, CancellationToken ct)
    {
        var (_, version) = await DocumentRules.ReadableVersionAsync(db, access, user.Access, query.VersionId, ct);
        // A missing file is the store's failure (a lost disk), not the user's: it is not turned into a 404.
        var content = store.OpenRead(version.Sha256);
        return new DocumentContent(content, version.FileName, version.ContentType, version.Size, version.Sha256);
    }
}
