using Ctms.Domain.Audit;

namespace Ctms.Domain.Documents;

/// <summary>One uploaded file of a document: what it was (sniffed type, size, SHA-256), who uploaded it and when.</summary>
public sealed class DocumentVersion : IAudited
{
    public const int FileNameMax = UploadPolicy.FileNameMax;
    public const int ContentTypeMax = 128;
    public const int CommentMax = 2000;

    private DocumentVersion() { }

    internal DocumentVersion(Guid documentId, int number, string fileName, string contentType, long size, string sha256,
        string uploadedBy, DateTimeOffset uploadedAt, string? comment)
    {
        Id = Guid.CreateVersion7();
        DocumentId = documentId;
        Number = number;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
        Comment = comment;
    }

    public Guid Id { get; private set; }
    public Guid DocumentId { get; private set; }

    /// <summary>1, 2, ... in upload order.</summary>
    public int Number { get; private set; }

    /// <summary>The uploader's file name, sanitised (<see cref="UploadPolicy.SanitizeFileName"/>).</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The media type sniffed from the content, not the one the client claimed.</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content; also its address in the <see cref="FileStore"/>.</summary>
    public string Sha256 { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
    public string? Comment { get; private set; }
}
