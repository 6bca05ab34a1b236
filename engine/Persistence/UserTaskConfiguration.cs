using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Engine.Persistence;

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskState>
{
    public void Configure(EntityTypeBuilder<UserTaskState> b)
    {
        b.ToTable("engine_tasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.ProcessId).HasMaxLength(200);
        b.Property(t => t.ElementId).HasMaxLength(200);
        b.Property(t => t.Name).HasMaxLength(500);
        b.Property(t => t.FormId).HasMaxLength(200);
        b.Property(t => t.BusinessKey).HasMaxLength(200);
        b.Property(t => t.Assignee).HasMaxLength(256);
        b.Property(t => t.DelegatedBy).HasMaxLength(256);
        b.Property(t => t.Revision).IsConcurrencyToken();
        // The inbox's two questions: "assigned to me" and "offered to my groups", each first by due date. The first
        // reads this index in order; PostgreSQL covers both with indexes of its own (PostgresEngineDbContext).
        b.HasIndex(t => new { t.Assignee, t.DueDate });
        b.HasIndex(t => t.InstanceId);
        b.HasIndex(t => t.DueDate);
    }
}
