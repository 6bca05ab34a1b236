using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>The engine on PostgreSQL (several nodes lease jobs with SKIP LOCKED).</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    internal override bool SupportsSkipLocked => true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // "Offered to me" asks for unassigned tasks whose candidate arrays overlap (&&) the user's groups or the user:
        // GIN indexes answer overlaps, and only unassigned rows are ever asked, so the indexes keep only those.
        // (SQLite keeps the lists as JSON text, which no index serves.)
        var tasks = modelBuilder.Entity<UserTaskState>();
        tasks.HasIndex(t => t.CandidateGroups).HasMethod("gin").HasFilter("\"Assignee\" IS NULL");
        tasks.HasIndex(t => t.CandidateUsers).HasMethod("gin").HasFilter("\"Assignee\" IS NULL");
    }
}
