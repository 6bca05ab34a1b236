using Ctms.Domain.Audit;

namespace Ctms.Domain.People;

/// <summary>
/// A file about a person: a CV (every upload kept, the latest counts) or a scanned GCP certificate. The bytes live on
/// disk under the data folder (<see cref="PeopleFileStore"/>); this row holds what was checked when it arrived.
/// </summary>
public sealed class PersonFile : IAudited
{
    public const int FileNameMax = 200;
    public const int ContentTypeMax = 100;

    private PersonFile() { }

    public PersonFile(string userName, PersonFileKind kind, string fileName, string contentType, long size, string sha256, string uploadedBy,
        DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7();
        UserName = userName;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Whose file it is.</summary>
    public string UserName { get; private set; } = "";

    public PersonFileKind Kind { get; private set; }

    /// <summary>The sanitised name it was uploaded with.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The type found in the content (never the one the browser claimed).</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>Hex SHA-256 of the bytes, checked again when the file is read.</summary>
    public string Sha256 { get; private set; } = "";

    public string UploadedBy { get; private set; } = "";
    public DateTimeOffset UploadedAt { get; private set; }
}

/// <summary>What a person's file is.</summary>
public enum PersonFileKind
{
    Cv,
    GcpCertificate,
}
