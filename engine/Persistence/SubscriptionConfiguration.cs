using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscriptionState>
{
    public void Configure(EntityTypeBuilder<MessageSubscriptionState> b)
    {
        b.ToTable("engine_subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.MessageName).HasMaxLength(200);
        b.Property(s => s.CorrelationKey).HasMaxLength(500);
        b.Property(s => s.BoundaryElementId).HasMaxLength(200);
        b.HasIndex(s => new { s.MessageName, s.CorrelationKey });
        b.HasIndex(s => s.ElementInstanceId);
    }
}
