using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<BufferedMessage>
{
    public void Configure(EntityTypeBuilder<BufferedMessage> b)
    {
        b.ToTable("engine_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Name).HasMaxLength(200);
        b.Property(m => m.CorrelationKey).HasMaxLength(500);
        b.Property(m => m.MessageId).HasMaxLength(200);
        b.Property(m => m.Variables)
            .HasConversion(v => VariableJson.Serialize(v), json => VariableJson.Deserialize(json),
                new ValueComparer<Dictionary<string, object?>>((x, y) => ReferenceEquals(x, y), v => 0, v => v));
        b.HasIndex(m => new { m.Name, m.CorrelationKey });
    }
}

internal sealed class SeenMessageIdConfiguration : IEntityTypeConfiguration<SeenMessageId>
{
    public void Configure(EntityTypeBuilder<SeenMessageId> b)
    {
        b.ToTable("engine_message_ids");
        b.HasKey(m => m.MessageId);
        b.Property(m => m.MessageId).HasMaxLength(200);
    }
}
