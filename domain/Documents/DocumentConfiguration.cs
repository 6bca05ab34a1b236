using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Documents;

internal sealed class ProjectDocumentConfiguration : IEntityTypeConfiguration<ProjectDocument>
{
    public void Configure(EntityTypeBuilder<ProjectDocument> b)
    {
        b.ToTable("project_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.Code).HasMaxLength(ProjectDocument.CodeMax).IsRequired();
        b.Property(d => d.Title).HasMaxLength(ProjectDocument.TitleMax).IsRequired();
        b.Property(d => d.CreatedBy).HasMaxLength(256).IsRequired();
        // One document per checklist item (or per free category and title): a second upload is its next version.
        b.HasIndex(d => new { d.ProjectId, d.Code, d.Title }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(d => d.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(d => d.Latest);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.ToTable("document_versions");
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        b.Property(v => v.FileName).HasMaxLength(DocumentVersion.FileNameMax).IsRequired();
        b.Property(v => v.ContentType).HasMaxLength(DocumentVersion.ContentTypeMax).IsRequired();
        b.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        b.HasIndex(v => v.Sha256);
        b.Property(v => v.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(v => v.Comment).HasMaxLength(DocumentVersion.CommentMax);
    }
}

internal sealed class DocumentAnnotationConfiguration : IEntityTypeConfiguration<DocumentAnnotation>
{
    public void Configure(EntityTypeBuilder<DocumentAnnotation> b)
    {
        b.ToTable("document_annotations");
        b.HasKey(a => a.Id);
        b.HasOne<DocumentVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.VersionId, a.ResolvedAt });
        b.Property(a => a.Author).HasMaxLength(256).IsRequired();
        b.Property(a => a.Text).HasMaxLength(DocumentAnnotation.TextMax).IsRequired();
        b.Property(a => a.Anchor).HasMaxLength(DocumentAnnotation.AnchorMax);
        b.Property(a => a.ResolvedBy).HasMaxLength(256);
        b.Ignore(a => a.IsOpen);
    }
}
