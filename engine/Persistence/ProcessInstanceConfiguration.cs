using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstanceState>
{
    public void Configure(EntityTypeBuilder<ProcessInstanceState> b)
    {
        b.ToTable("engine_instances");
        b.HasKey(i => i.Id);
        b.Property(i => i.ProcessId).HasMaxLength(200);
        b.Property(i => i.BusinessKey).HasMaxLength(200);
        b.Property(i => i.DefinitionHash).HasMaxLength(64);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.Revision).IsConcurrencyToken();
        b.Ignore(i => i.Root);
        // The element instances are one JSON document: loaded and saved whole, with the instance's revision.
        // The store marks the column modified on save; the comparer only has to say "same object".
        b.Property(i => i.Elements)
            .HasColumnName("State")
            .HasConversion(e => ElementsJson.Serialize(e), json => ElementsJson.Deserialize(json),
                new ValueComparer<Dictionary<Guid, ElementInstanceState>>((x, y) => ReferenceEquals(x, y), e => 0, e => e));
        b.HasIndex(i => i.BusinessKey);
        b.HasIndex(i => new { i.ProcessId, i.Status });
        b.HasIndex(i => i.ParentInstanceId);
        // The instance list, newest first (ids are time-ordered) within one process: its pages and its rare states read in key order.
        b.HasIndex(i => new { i.ProcessId, i.Id });
    }
}
