using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Signatures;

/// <summary>
/// An electronic signature (21 CFR Part 11 style): who signed (user id, user name and printed name), when (UTC), what it
/// means ("I approve"), how (re-entered password), and the SHA-256 of the record's signed content at that moment. Never
/// changed or deleted: a record changed later keeps its signature, which then shows as broken (<see cref="SignatureService.CheckAsync"/>).
/// </summary>
public sealed class ElectronicSignature : IAudited
{
    public const int RecordTypeMax = 64;
    public const int RecordIdMax = 128;
    public const int MeaningMax = 300;

    private ElectronicSignature() { }

    internal ElectronicSignature(string recordType, string recordId, string contentHash, string meaning, string signerUserId, string signerUserName,
        string signerName, DateTimeOffset signedAt)
    {
        Id = Guid.CreateVersion7();
        RecordType = recordType;
        RecordId = recordId;
        ContentHash = contentHash;
        Meaning = meaning;
        SignerUserId = signerUserId;
        SignerUserName = signerUserName;
        SignerName = signerName;
        SignedAt = signedAt;
    }

    public Guid Id { get; private set; }
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the record's signed content at signing.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>What the signer declared by signing, shown to them before they signed, e.g. "I cast this vote".</summary>
    public string Meaning { get; private set; } = "";

    public string SignerUserId { get; private set; } = "";
    public string SignerUserName { get; private set; } = "";

    /// <summary>The signer's printed name at signing (their display name, else the user name).</summary>
    public string SignerName { get; private set; } = "";

    public DateTimeOffset SignedAt { get; private set; }

    /// <summary>How the signer proved who they were: the password re-entered for this signature.</summary>
    public string Method { get; private set; } = "password";
}

internal sealed class ElectronicSignatureConfiguration : IEntityTypeConfiguration<ElectronicSignature>
{
    public void Configure(EntityTypeBuilder<ElectronicSignature> b)
    {
        b.ToTable("electronic_signatures");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.RecordType, s.RecordId });
        b.Property(s => s.RecordType).HasMaxLength(ElectronicSignature.RecordTypeMax).IsRequired();
        b.Property(s => s.RecordId).HasMaxLength(ElectronicSignature.RecordIdMax).IsRequired();
        b.Property(s => s.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(s => s.Meaning).HasMaxLength(ElectronicSignature.MeaningMax).IsRequired();
        b.Property(s => s.SignerUserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.SignerUserName).HasMaxLength(256).IsRequired();
        b.Property(s => s.SignerName).HasMaxLength(256).IsRequired();
        b.Property(s => s.Method).HasMaxLength(32).IsRequired();
    }
}
