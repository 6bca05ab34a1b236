using Ctms.Domain.Audit;
using Ctms.Domain.Signatures;
using Ctms.Domain.Subjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Returns;

/// <summary>
/// A destruction on site or a return to the sponsor (O23): the pharmacist prepares it (which kits, how, where), a witness
/// who is not the preparer signs it with the password, and only then do the kits leave the ledger. The signature covers
/// the kit numbers and units, so a later change to the record shows it broken.
/// </summary>
public sealed class StockDisposal : IAudited, ISignable
{
    public const int NoteMax = 2000;
    public const string WitnessMeaning = "I witnessed the disposal of these kits";

    private StockDisposal() { }

    public StockDisposal(Guid projectId, DisposalKind kind, IReadOnlyList<string> kitNumbers, int units, string? method, string preparedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Kind = kind;
        KitNumbers = JsonColumn.Write(kitNumbers.ToList());
        Units = units;
        Method = method;
        PreparedBy = preparedBy;
        PreparedAt = at;
        Status = DisposalStatus.Prepared;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public DisposalKind Kind { get; private set; }
    public string KitNumbers { get; private set; } = "[]";
    public int Units { get; private set; }

    /// <summary>How and where: incineration by the hospital's contractor, the courier's waybill for a return.</summary>
    public string? Method { get; private set; }

    public string PreparedBy { get; private set; } = "";
    public DateTimeOffset PreparedAt { get; private set; }
    public DisposalStatus Status { get; private set; }
    public string? WitnessedBy { get; private set; }
    public DateTimeOffset? WitnessedAt { get; private set; }

    public IReadOnlyList<string> KitNumberList => JsonColumn.Strings(KitNumbers);

    internal void Witness(string by, DateTimeOffset at)
    {
        WitnessedBy = by;
        WitnessedAt = at;
        Status = DisposalStatus.Done;
    }

    public string SignatureRecordType => "stock-disposal";
    public string SignatureRecordId => Id.ToString();

    public string SignedContent() => Signatures.SignedContent.Of(SignatureRecordType, ("project", ProjectId), ("kind", Kind.ToString()),
        ("kits", string.Join(",", KitNumberList)), ("units", Units), ("method", Method), ("preparedBy", PreparedBy), ("witness", WitnessedBy),
        ("at", WitnessedAt));
}

public enum DisposalKind
{
    Destruction,
    ReturnToSponsor,
}

public enum DisposalStatus
{
    Prepared,
    Done,
}

internal sealed class StockDisposalConfiguration : IEntityTypeConfiguration<StockDisposal>
{
    public void Configure(EntityTypeBuilder<StockDisposal> b)
    {
        b.ToTable("ip_disposals");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.ProjectId);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(d => d.KitNumbers).IsRequired();
        b.Property(d => d.Method).HasMaxLength(StockDisposal.NoteMax);
        b.Property(d => d.PreparedBy).HasMaxLength(256).IsRequired();
        b.Property(d => d.WitnessedBy).HasMaxLength(256);
        b.Ignore(d => d.KitNumberList);
    }
}
