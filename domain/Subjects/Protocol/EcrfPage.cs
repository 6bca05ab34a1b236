using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Subjects.Protocol;

public enum EcrfPageStatus
{
    /// <summary>Being designed; may be changed; no data is entered on it.</summary>
    Draft,

    /// <summary>Released for data entry (O03); never changed again: a change is a new version.</summary>
    Released,

    /// <summary>Replaced by a later released version; data already entered on it stays on it.</summary>
    Superseded,
}

/// <summary>An edit check of an e-CRF page: a FEEL expression over the page's data that must be true, else a query opens on the field.</summary>
public sealed record EditCheck(string Code, string Field, string Expression, string Message);

/// <summary>
/// One version of an e-CRF page (O03): a form-js schema designed in the studio's form editor, with its edit checks.
/// Draft versions are edited in place; releasing freezes the version and supersedes the previous released one.
/// </summary>
public sealed class EcrfPage : IAudited
{
    public const int CodeMax = 32;
    public const int TitleMax = 200;
    public const int SchemaMax = 500_000;
    public const int ChecksMax = 20_000;

    private EcrfPage() { }

    public EcrfPage(Guid projectId, string code, int version, string title, string schema, string editChecks, string createdBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = code;
        Version = version;
        Title = title;
        Schema = schema;
        EditChecks = editChecks;
        Status = EcrfPageStatus.Draft;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; } = "";
    public int Version { get; private set; }
    public string Title { get; private set; } = "";

    /// <summary>The form-js JSON.</summary>
    public string Schema { get; private set; } = "";

    /// <summary>The edit checks, a JSON list of <see cref="EditCheck"/>.</summary>
    public string EditChecks { get; private set; } = "[]";
    public EcrfPageStatus Status { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string? ReleasedBy { get; private set; }
    public DateTimeOffset? ReleasedAt { get; private set; }

    public IReadOnlyList<EditCheck> Checks => JsonColumn.Read<List<EditCheck>>(EditChecks, []);

    public void Edit(string title, string schema, string editChecks)
    {
        if (Status != EcrfPageStatus.Draft)
        {
            throw new Common.ConflictException($"Version {Version} of e-CRF page {Code} is released: a change is a new version.");
        }
        Title = title;
        Schema = schema;
        EditChecks = editChecks;
    }

    public void Release(string by, DateTimeOffset at)
    {
        if (Status != EcrfPageStatus.Draft)
        {
            throw new Common.ConflictException($"Version {Version} of e-CRF page {Code} is already {Status.ToString().ToLowerInvariant()}.");
        }
        Status = EcrfPageStatus.Released;
        ReleasedBy = by;
        ReleasedAt = at;
    }

    public void Supersede() => Status = EcrfPageStatus.Superseded;
}

internal sealed class EcrfPageConfiguration : IEntityTypeConfiguration<EcrfPage>
{
    public void Configure(EntityTypeBuilder<EcrfPage> b)
    {
        b.ToTable("ecrf_pages");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.ProjectId, p.Code, p.Version }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Code).HasMaxLength(EcrfPage.CodeMax).IsRequired();
        b.Property(p => p.Title).HasMaxLength(EcrfPage.TitleMax).IsRequired();
        b.Property(p => p.Schema).HasMaxLength(EcrfPage.SchemaMax).IsRequired();
        b.Property(p => p.EditChecks).HasMaxLength(EcrfPage.ChecksMax).IsRequired();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.CreatedBy).HasMaxLength(Subject.UserNameMax).IsRequired();
        b.Property(p => p.ReleasedBy).HasMaxLength(Subject.UserNameMax);
        b.Ignore(p => p.Checks);
    }
}
