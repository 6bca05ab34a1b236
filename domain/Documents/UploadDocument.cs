using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Documents;

/// <summary>
/// Uploads a file of a project's application (P01, its revisions A06, the CTI office at any time): to the checklist
/// item <see cref="Code"/> (its next version if it has a document already) or to a free category with a
/// <see cref="Title"/>. The file is checked by <see cref="UploadPolicy"/>; a refused file leaves nothing on disk or in
/// the database, and so does a failure of the save.
/// </summary>
public sealed record UploadDocument(Guid ProjectId, string Code, string FileName, Stream Content, string? Comment = null, string? Title = null)
    : ICommand<DocumentVersionDto>, IValidatable
{
    public void Validate(Validator v) => v
        .Required(nameof(Code), Code, ProjectDocument.CodeMax)
        .Must(Code is null || Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), nameof(Code),
            "Code may contain only letters, digits, '-' and '_'.")
        .Required(nameof(FileName), FileName, 1000)
        .Must(Content is not null, "File", "The file is missing.")
        .Optional(nameof(Comment), Comment, DocumentVersion.CommentMax)
        .Optional(nameof(Title), Title, ProjectDocument.TitleMax);
}

public sealed class UploadDocumentHandler(CtmsDbContext db, ProjectAccess access, ICurrentUser user, TimeProvider clock,
    FileStore store, UploadPolicy policy) : ICommandHandler<UploadDocument, DocumentVersionDto>
{
    public async ValueTask<DocumentVersionDto> Handle(UploadDocument command, CancellationToken ct)
    {
        var project = await DocumentRules.EnsureMayUploadAsync(db, access, user.Access, command.ProjectId, ct);
        var item = DocumentChecklist.Find(project.Type, project.Phase, command.Code);
        var title = item?.TitleEn ?? (string.IsNullOrWhiteSpace(command.Title)
            ? throw DomainValidationException.For(nameof(command.Title), $"'{command.Code}' is not on this project's checklist; give the document a title.")
            : command.Title.Trim());

        await using var staged = await store.StageAsync(command.Content, policy.MaxBytes, ct);
        var (fileName, kind) = policy.Check(command.FileName, staged);

        var document = await db.ProjectDocuments.Include(d => d.Versions)
                           .SingleOrDefaultAsync(d => d.ProjectId == project.Id && d.Code == command.Code && d.Title == title, ct);
        var now = clock.GetUtcNow();
        var uploader = user.UserName ?? user.UserId;
        if (document is null)
        {
            document = new ProjectDocument(project.Id, command.Code, title, uploader, now);
            db.ProjectDocuments.Add(document);
        }
        var comment = string.IsNullOrWhiteSpace(command.Comment) ? null : command.Comment.Trim();
        var version = document.AddVersion(staged.File, fileName, kind.ContentType, uploader, now, comment);
        db.DocumentVersions.Add(version);

        staged.Commit();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            staged.Rollback();
            throw;
        }
        return DocumentVersionDto.From(document, version);
    }
}
