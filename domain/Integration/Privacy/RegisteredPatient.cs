using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Integration.Privacy;

/// <summary>
/// A hospital patient the CTMS keeps a record of (a candidate, a subject, a patient with an order): the MRN sealed with
/// the key named by <see cref="MrnKeyId"/>, its keyed hash for look-up, the keyed hash of the resident ID number (for
/// "already a subject of another trial?"), and only what a trial shows: initials, birth date and sex. The full name, the
/// MRN and the ID number in clear stay in the hospital; every other module refers to a patient by <see cref="Id"/>.
/// </summary>
public sealed class RegisteredPatient : IAudited
{
    public const string MrnPurpose = "mrn";
    public const string IdNumberPurpose = "id-number";
    public const string HospitalIdPurpose = "hospital-id";
    public const int InitialsMax = 8;

    private RegisteredPatient() { }

    internal RegisteredPatient(SealedValue mrn, byte[] mrnHash, byte[]? idNumberHash, byte[] hospitalIdHash, string initials, DateOnly? birthDate, string? sex,
        string registeredBy, DateTimeOffset registeredAt)
    {
        Id = Guid.CreateVersion7();
        MrnSealed = mrn.Bytes;
        MrnKeyId = mrn.KeyId;
        MrnHash = mrnHash;
        IdNumberHash = idNumberHash;
        HospitalIdHash = hospitalIdHash;
        Initials = initials;
        BirthDate = birthDate;
        Sex = sex;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }

    /// <summary>Nonce, tag and AES-GCM ciphertext of the MRN.</summary>
    public byte[] MrnSealed { get; private set; } = [];

    public string MrnKeyId { get; private set; } = "";

    /// <summary>HMAC-SHA256 of the normalised MRN; unique.</summary>
    public byte[] MrnHash { get; private set; } = [];

    /// <summary>HMAC-SHA256 of the normalised resident ID number, when the hospital gave one.</summary>
    public byte[]? IdNumberHash { get; private set; }

    /// <summary>
    /// HMAC-SHA256 of the patient's resource id at the hospital (<c>Patient/{id}</c>), so that a result naming only that
    /// reference (a bulk file, a notification) finds its patient without the id being kept in clear.
    /// </summary>
    public byte[] HospitalIdHash { get; private set; } = [];

    public string Initials { get; private set; } = "";
    public DateOnly? BirthDate { get; private set; }
    public string? Sex { get; private set; }
    public string RegisteredBy { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Seals the MRN again with another key (rotation); the hash does not change.</summary>
    internal void Reseal(SealedValue mrn)
    {
        MrnSealed = mrn.Bytes;
        MrnKeyId = mrn.KeyId;
    }

    /// <summary>Takes the hospital's current initials, birth date and sex (a corrected record).</summary>
    internal void Refresh(string initials, DateOnly? birthDate, string? sex, byte[]? idNumberHash, byte[] hospitalIdHash)
    {
        HospitalIdHash = hospitalIdHash;
        Initials = initials;
        BirthDate = birthDate;
        Sex = sex;
        IdNumberHash = idNumberHash ?? IdNumberHash;
    }
}

internal sealed class RegisteredPatientConfiguration : IEntityTypeConfiguration<RegisteredPatient>
{
    public void Configure(EntityTypeBuilder<RegisteredPatient> b)
    {
        b.ToTable("patients");
        b.HasKey(p => p.Id);
        b.Property(p => p.MrnSealed).IsRequired();
        b.Property(p => p.MrnKeyId).HasMaxLength(64).IsRequired();
        b.Property(p => p.MrnHash).HasMaxLength(32).IsRequired();
        b.HasIndex(p => p.MrnHash).IsUnique();
        b.Property(p => p.IdNumberHash).HasMaxLength(32);
        b.HasIndex(p => p.IdNumberHash);
        b.Property(p => p.HospitalIdHash).HasMaxLength(32).IsRequired();
        b.HasIndex(p => p.HospitalIdHash);
        b.Property(p => p.Initials).HasMaxLength(RegisteredPatient.InitialsMax).IsRequired();
        b.Property(p => p.Sex).HasMaxLength(16);
        b.Property(p => p.RegisteredBy).HasMaxLength(256).IsRequired();
    }
}
