namespace Ctms.Domain.Documents;

/// <summary>One version of a document as the API and the studio show it.</summary>
public sealed record DocumentVersionDto(
    Guid Id,
    Guid DocumentId,
    Guid ProjectId,
    string Code,
    string DocumentTitle,
    int Number,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    string? Comment,
    int OpenAnnotations)
{
    internal static DocumentVersionDto From(ProjectDocument d, DocumentVersion v, int openAnnotations = 0) => new(v.Id, d.Id, d.ProjectId,
        d.Code, d.Title, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedBy, v.UploadedAt, v.Comment, openAnnotations);
}

/// <summary>A document of a project with its versions, newest first.</summary>
public sealed record ProjectDocumentDto(
    Guid Id,
    Guid ProjectId,
    string Code,
    string Title,
    bool OnChecklist,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DocumentVersionDto> Versions);

/// <summary>A reviewer's annotation, with the document and version it is on.</summary>
public sealed record DocumentAnnotationDto(
    Guid Id,
    Guid VersionId,
    Guid DocumentId,
    string DocumentTitle,
    int VersionNumber,
    string Text,
    int? Page,
    string? Anchor,
    string Author,
    DateTimeOffset CreatedAt,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt);

/// <summary>One checklist item and the document that fulfils it, if any.</summary>
public sealed record ChecklistItemDto(string Code, string Title, bool Required, Guid? DocumentId, int? LatestVersion);

/// <summary>The project's checklist; <see cref="Complete"/> when every required item has a document.</summary>
public sealed record DocumentChecklistDto(IReadOnlyList<ChecklistItemDto> Items, bool Complete);

/// <summary>A stored file to send: its content (the caller disposes it), sanitised name, sniffed type and size.</summary>
public sealed record DocumentContent(Stream Content, string FileName, string ContentType, long Size, string Sha256);
