using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>
/// A project's investigational product (active drug and placebo alike, when the study is blind: what differs is the
/// content of each kit, not the product): its entry in the hospital's drug dictionary, its kit size and its storage
/// conditions. Units are counted in the product's unit (tablets, vials, pens).
/// </summary>
public sealed class InvestigationalProduct : IAudited
{
    public const int CodeMax = 32;
    public const int NameMax = 200;
    public const int UnitMax = 32;
    public const int StorageMax = 500;

    private InvestigationalProduct() { }

    public InvestigationalProduct(Guid projectId, string code, string name, string? drugCode, string unit, int unitsPerKit, decimal? minTemperature,
        decimal? maxTemperature, string? storage)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Code = code;
        Update(name, drugCode, unit, unitsPerKit, minTemperature, maxTemperature, storage);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>The code of the product in the hospital's drug dictionary, when the hospital lists it.</summary>
    public string? DrugCode { get; private set; }

    /// <summary>What one unit is: "tablet", "vial", "pen".</summary>
    public string Unit { get; private set; } = "";

    public int UnitsPerKit { get; private set; }

    /// <summary>The storage range in °C (2 to 8 for a refrigerated product); a temperature log outside it is an excursion.</summary>
    public decimal? MinTemperature { get; private set; }
    public decimal? MaxTemperature { get; private set; }
    public string? Storage { get; private set; }

    public void Update(string name, string? drugCode, string unit, int unitsPerKit, decimal? minTemperature, decimal? maxTemperature, string? storage)
    {
        Name = name;
        DrugCode = drugCode;
        Unit = unit;
        UnitsPerKit = unitsPerKit;
        MinTemperature = minTemperature;
        MaxTemperature = maxTemperature;
        Storage = storage;
    }

    /// <summary>Whether a logged temperature range leaves the product's storage range.</summary>
    public bool IsExcursion(decimal? loggedMin, decimal? loggedMax) =>
        loggedMin is { } low && MinTemperature is { } min && low < min || loggedMax is { } high && MaxTemperature is { } max && high > max;
}

internal sealed class InvestigationalProductConfiguration : IEntityTypeConfiguration<InvestigationalProduct>
{
    public void Configure(EntityTypeBuilder<InvestigationalProduct> b)
    {
        b.ToTable("ip_products");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.ProjectId, p.Code }).IsUnique();
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.Code).HasMaxLength(InvestigationalProduct.CodeMax).IsRequired();
        b.Property(p => p.Name).HasMaxLength(InvestigationalProduct.NameMax).IsRequired();
        b.Property(p => p.DrugCode).HasMaxLength(64);
        b.Property(p => p.Unit).HasMaxLength(InvestigationalProduct.UnitMax).IsRequired();
        b.Property(p => p.Storage).HasMaxLength(InvestigationalProduct.StorageMax);
        b.Property(p => p.MinTemperature).HasPrecision(5, 1);
        b.Property(p => p.MaxTemperature).HasPrecision(5, 1);
    }
}
