using Ctms.Domain.Audit;

namespace Ctms.Domain.Documents;

/// <summary>
/// One document of a project's file (the protocol, the ICF, ...): a checklist item or a free category, kept as the
/// versions uploaded over time. Nothing is ever replaced: a new file is a new version.
/// </summary>
public sealed class ProjectDocument : IAudited
{
    public const int CodeMax = 64;
    public const int TitleMax = 300;

    private readonly List<DocumentVersion> _versions = [];

    private ProjectDocument() { }

    public ProjectDocument(Guid projectId, string code, string title, string createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = code;
        Title = title;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }

    /// <summary>The checklist item's code (<see cref="DocumentChecklist"/>), or a free category.</summary>
    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<DocumentVersion> Versions => _versions;

    public DocumentVersion? Latest => _versions.MaxBy(v => v.Number);

    /// <summary>Adds the next version; the same content as the latest version is no new version and is refused.</summary>
    public DocumentVersion AddVersion(StoredFile file, string fileName, string contentType, string uploadedBy, DateTimeOffset at, string? comment)
    {
        if (Latest is { } latest && latest.Sha256 == file.Sha256)
        {
            throw new Common.ConflictException($"'{fileName}' is the same file as version {latest.Number} of '{Title}'; nothing new to store.");
        }
        var version = new DocumentVersion(Id, (Latest?.Number ?? 0) + 1, fileName, contentType, file.Size, file.Sha256, uploadedBy, at, comment);
        _versions.Add(version);
        return version;
    }
}
