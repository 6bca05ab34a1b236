using Ctms.Domain.Audit;

namespace Ctms.Domain.Documents;

/// <summary>A reviewer's remark on one version of a document (formal review, P02), open until someone resolves it.</summary>
public sealed class DocumentAnnotation : IAudited
{
    public const int TextMax = 4000;
    public const int AnchorMax = 200;

    private DocumentAnnotation() { }

    public DocumentAnnotation(Guid versionId, string author, string text, int? page, string? anchor, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        VersionId = versionId;
        Author = author;
        Text = text;
        Page = page;
        Anchor = anchor;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid VersionId { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";

    /// <summary>The page the remark is about, when the reviewer named one.</summary>
    public int? Page { get; private set; }

    /// <summary>Where on the page or in the text (a section number, a quoted phrase).</summary>
    public string? Anchor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public void Resolve(string by, DateTimeOffset at)
    {
        if (ResolvedAt is not null)
        {
            throw new Common.ConflictException($"The annotation was already resolved by {ResolvedBy}.");
        }
        ResolvedBy = by;
        ResolvedAt = at;
    }
}
