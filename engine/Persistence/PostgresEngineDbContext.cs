using Npgsql;
using NpgsqlTypes;
using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>The engine on PostgreSQL (several nodes lease jobs with SKIP LOCKED).</summary>
public sealed class PostgresEngineDbContext(DbContextOptions<PostgresEngineDbContext> options) : EngineDbContext(options)
{
    internal override bool SupportsSkipLocked => true;

    /// <summary>All of a command's history rows in one INSERT from arrays (unnest keeps their order for the sequence).</summary>
    internal override async Task<bool> BulkInsertHistoryAsync(IReadOnlyList<HistoryRow> rows, CancellationToken ct)
    {
        await Database.ExecuteSqlRawAsync("""
            INSERT INTO engine_history ("InstanceId", "ElementInstanceId", "ElementId", "ElementType", "Event", "At", "UserId", "Detail")
            SELECT * FROM unnest(@instances, @elements, @ids, @types, @events, @at, @users, @details)
            """,
            [
                Array("instances", rows.Select(r => r.InstanceId), NpgsqlDbType.Uuid),
                Array("elements", rows.Select(r => r.ElementInstanceId), NpgsqlDbType.Uuid),
                Array("ids", rows.Select(r => r.ElementId), NpgsqlDbType.Text),
                Array("types", rows.Select(r => r.ElementType), NpgsqlDbType.Text),
                Array("events", rows.Select(r => r.Event), NpgsqlDbType.Text),
                Array("at", rows.Select(r => r.At), NpgsqlDbType.TimestampTz),
                Array("users", rows.Select(r => r.UserId), NpgsqlDbType.Text),
                Array("details", rows.Select(r => r.Detail), NpgsqlDbType.Text),
            ], ct);
        return true;
    }

    private static NpgsqlParameter Array<T>(string name, IEnumerable<T> values, NpgsqlDbType type) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // "Offered to me" asks for unassigned tasks whose candidate arrays overlap (&&) the user's groups or the user:
        // GIN indexes answer overlaps, and only unassigned rows are ever asked, so the indexes keep only those.
        // (SQLite keeps the lists as JSON text, which no index serves.)
        var tasks = modelBuilder.Entity<UserTaskState>();
        tasks.HasIndex(t => t.CandidateGroups).HasMethod("gin").HasFilter("\"Assignee\" IS NULL");
        tasks.HasIndex(t => t.CandidateUsers).HasMethod("gin").HasFilter("\"Assignee\" IS NULL");
        // The first page of an inbox comes from index-only scans (the store selects the page's ids first, then those rows):
        // - "mine": the user's tasks in due order, with the rest of the sort keys;
        // - "offered to me": every unassigned task in the inbox's order, with the candidate lists to filter on. Walking it in
        //   order stops after a page of matches, and the capped total stops after 1,001 (TaskPage), without reading the
        //   table. A user whose groups are offered few tasks gets the GIN indexes above instead (the planner's choice).
        // At a million open tasks, reading those rows from the table instead cost up to 65 ms a page (docs/performance.md).
        tasks.HasIndex(t => new { t.Assignee, t.DueDate }).IncludeProperties(t => new { t.CreatedAt, t.Id });
        tasks.HasIndex(t => new { t.DueDate, t.CreatedAt, t.Id }, "IX_engine_tasks_offered_in_due_order")
            .IncludeProperties(t => new { t.CandidateGroups, t.CandidateUsers }).HasFilter("\"Assignee\" IS NULL");
    }
}
