using Ctms.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Pharmacy.Stock;

/// <summary>A manufacturing batch (lot) of a product, with its expiry date. Kits belong to one batch.</summary>
public sealed class ProductBatch : IAudited
{
    public const int NumberMax = 64;

    private ProductBatch() { }

    public ProductBatch(Guid projectId, Guid productId, string number, DateOnly expiresOn)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        ProductId = productId;
        Number = number;
        ExpiresOn = expiresOn;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid ProductId { get; private set; }
    public string Number { get; private set; } = "";

    /// <summary>The last day the batch may be dispensed; the sponsor may extend it (a relabelling), never shorten it silently.</summary>
    public DateOnly ExpiresOn { get; private set; }

    public void ExtendTo(DateOnly expiresOn) => ExpiresOn = expiresOn;
}

internal sealed class ProductBatchConfiguration : IEntityTypeConfiguration<ProductBatch>
{
    public void Configure(EntityTypeBuilder<ProductBatch> b)
    {
        b.ToTable("ip_batches");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.ProductId, x.Number }).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.HasOne<InvestigationalProduct>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Number).HasMaxLength(ProductBatch.NumberMax).IsRequired();
    }
}
