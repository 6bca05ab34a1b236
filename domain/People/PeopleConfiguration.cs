using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.People;

internal sealed class InvestigatorProfileConfiguration : IEntityTypeConfiguration<InvestigatorProfile>
{
    public void Configure(EntityTypeBuilder<InvestigatorProfile> b)
    {
        b.ToTable("investigator_profiles");
        b.HasKey(p => p.Id);
        b.Property(p => p.UserName).HasMaxLength(256).IsRequired();
        b.HasIndex(p => p.UserName).IsUnique();
        b.Property(p => p.Title).HasMaxLength(InvestigatorProfile.TextMax);
        b.Property(p => p.Department).HasMaxLength(InvestigatorProfile.TextMax);
        b.Property(p => p.Specialty).HasMaxLength(InvestigatorProfile.TextMax);
        b.Property(p => p.LicenceNumber).HasMaxLength(InvestigatorProfile.TextMax);
        b.Property(p => p.Phone).HasMaxLength(InvestigatorProfile.TextMax);
    }
}

internal sealed class GcpCertificateConfiguration : IEntityTypeConfiguration<GcpCertificate>
{
    public void Configure(EntityTypeBuilder<GcpCertificate> b)
    {
        b.ToTable("gcp_certificates");
        b.HasKey(c => c.Id);
        b.Property(c => c.UserName).HasMaxLength(256).IsRequired();
        b.HasIndex(c => c.UserName);
        b.Property(c => c.Issuer).HasMaxLength(GcpCertificate.IssuerMax).IsRequired();
        b.Property(c => c.CertificateNumber).HasMaxLength(GcpCertificate.NumberMax).IsRequired();
        b.HasIndex(c => new { c.UserName, c.Issuer, c.CertificateNumber }).IsUnique();
        b.Property(c => c.RecordedBy).HasMaxLength(256).IsRequired();
        b.Ignore(c => c.ExpiresAt);
    }
}

internal sealed class PersonFileConfiguration : IEntityTypeConfiguration<PersonFile>
{
    public void Configure(EntityTypeBuilder<PersonFile> b)
    {
        b.ToTable("person_files");
        b.HasKey(f => f.Id);
        b.Property(f => f.UserName).HasMaxLength(256).IsRequired();
        b.HasIndex(f => new { f.UserName, f.Kind });
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(f => f.FileName).HasMaxLength(PersonFile.FileNameMax).IsRequired();
        b.Property(f => f.ContentType).HasMaxLength(PersonFile.ContentTypeMax).IsRequired();
        b.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        b.Property(f => f.UploadedBy).HasMaxLength(256).IsRequired();
    }
}

internal sealed class CrcApplicationConfiguration : IEntityTypeConfiguration<CrcApplication>
{
    public void Configure(EntityTypeBuilder<CrcApplication> b)
    {
        b.ToTable("crc_applications");
        b.HasKey(a => a.Id);
        b.Property(a => a.FullName).HasMaxLength(CrcApplication.NameMax).IsRequired();
        b.Property(a => a.Email).HasMaxLength(CrcApplication.EmailMax).IsRequired();
        b.HasIndex(a => a.Email);
        b.Property(a => a.Phone).HasMaxLength(CrcApplication.PhoneMax);
        b.Property(a => a.SmoCompany).HasMaxLength(CrcApplication.NameMax).IsRequired();
        b.Property(a => a.WishedProjects).HasMaxLength(CrcApplication.WishedMax);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(a => a.Status);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
        b.Property(a => a.Reason).HasMaxLength(CrcApplication.ReasonMax);
        b.Property(a => a.UserName).HasMaxLength(256);
    }
}
