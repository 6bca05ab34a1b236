using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Contracts;

/// <summary>
/// A party's signature on the contract or on an amendment: who, in what meaning, when, and the SHA-256 of the signed
/// content (<see cref="ContractContent"/>), so that any later change to what was signed is visible.
/// </summary>
public sealed class ContractSignature : IAudited
{
    public const int MeaningMax = 500;

    private ContractSignature() { }

    internal ContractSignature(Guid contractId, Guid? amendmentId, ContractParty party, string signerUserId, string signerUserName,
        string meaning, string contentHash, DateTimeOffset signedAt)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        AmendmentId = amendmentId;
        Party = party;
        SignerUserId = signerUserId;
        SignerUserName = signerUserName;
        Meaning = meaning;
        ContentHash = contentHash;
        SignedAt = signedAt;
    }

    public Guid Id { get; private set; }
    public Guid ContractId { get; private set; }

    /// <summary>The amendment signed; null for the contract itself.</summary>
    public Guid? AmendmentId { get; private set; }

    public ContractParty Party { get; private set; }
    public string SignerUserId { get; private set; } = "";
    public string SignerUserName { get; private set; } = "";

    /// <summary>What the signature means, e.g. "Signed on behalf of the hospital".</summary>
    public string Meaning { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the canonical content at signing.</summary>
    public string ContentHash { get; private set; } = "";

    public DateTimeOffset SignedAt { get; private set; }
}

internal sealed class ContractSignatureConfiguration : IEntityTypeConfiguration<ContractSignature>
{
    public void Configure(EntityTypeBuilder<ContractSignature> b)
    {
        b.ToTable("contract_signatures");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.ContractId, s.AmendmentId, s.Party }).IsUnique();
        b.Property(s => s.Party).HasConversion<string>().HasMaxLength(32);
        b.Property(s => s.SignerUserId).HasMaxLength(450).IsRequired();
        b.Property(s => s.SignerUserName).HasMaxLength(256).IsRequired();
        b.Property(s => s.Meaning).HasMaxLength(ContractSignature.MeaningMax).IsRequired();
        b.Property(s => s.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}
