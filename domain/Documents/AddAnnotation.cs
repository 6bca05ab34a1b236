using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;

namespace Ctms.Domain.Documents;

/// <summary>A reviewer's remark on a document version (the CTI office in the formal review), optionally on a page and spot.</summary>
public sealed record AddAnnotation(Guid VersionId, string Text, int? Page = null, string? Anchor = null)
    : ICommand<DocumentAnnotationDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Text), Text, DocumentAnnotation.TextMax)
        .Must(Page is null or (>= 1 and <= 100_000), nameof(Page), "Page must be between 1 and 100,000.")
        .Optional(nameof(Anchor), Anchor, DocumentAnnotation.AnchorMax);
}

public sealed class AddAnnotationHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock)
    : ICommandHandler<AddAnnotation, DocumentAnnotationDto>
{
    public async ValueTask<DocumentAnnotationDto> Handle(AddAnnotation command, CancellationToken ct)
    {
        var (document, version) = await DocumentRules.ReadableVersionAsync(db, access, user.Access, command.VersionId, ct);
        await access.EnsureAsync(user.Access, ProjectActions.AnnotateDocuments, document.ProjectId, ct);
        var annotation = new DocumentAnnotation(version.Id, user.UserName ?? user.UserId, command.Text.Trim(), command.Page,
            string.IsNullOrWhiteSpace(command.Anchor) ? null : command.Anchor.Trim(), clock.GetUtcNow());
        db.DocumentAnnotations.Add(annotation);
        await db.SaveChangesAsync(ct);
        return AnnotationRows.Dto(annotation, document, version);
    }
}
