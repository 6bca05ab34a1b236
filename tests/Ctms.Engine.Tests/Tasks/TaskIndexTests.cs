using System.Text;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Engine.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Tests.Tasks;

/// <summary>The inbox's SQL has the shape its indexes serve: the query plans read the indexes the migrations made.</summary>
public sealed class TaskIndexTests
{
    [Fact]
    public async Task On_PostgreSQL_offered_to_me_reads_the_GIN_indexes_and_mine_reads_the_assignee_and_due_date_index()
    {
        var (stores, cleanup) = await TestDatabases.PostgresAsync();
        await using (cleanup)
        {
            var db = ((EfEngineStore)stores()).Context;
            await db.Database.OpenConnectionAsync();
            // 50,000 open tasks, one in five unassigned and offered to one of 500 groups and one of 1,000 users; the
            // others assigned to one of 1,000 users. Then statistics, so the planner chooses as it would in production.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO engine_tasks ("Id", "InstanceId", "ElementInstanceId", "ProcessId", "ElementId", "Assignee",
                    "CandidateGroups", "CandidateUsers", "DueDate", "Priority", "CreatedAt", "Revision")
                SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'work', 'check',
                    CASE WHEN i % 5 = 0 THEN NULL ELSE 'user' || (i % 1000) END,
                    ARRAY['group' || (i / 5 % 500)], ARRAY['user' || (i / 5 % 1000)],
                    now() + i * interval '1 minute', 50, now(), 0
                FROM generate_series(1, 50000) AS i;
                ANALYZE engine_tasks;
                """);

            var offered = await PlanAsync(db, "EXPLAIN ", TaskQuery.OfferedTo("user3", ["group1", "group2"]));
            offered.ShouldContain("IX_engine_tasks_CandidateGroups");
            offered.ShouldContain("IX_engine_tasks_CandidateUsers");

            var mine = await PlanAsync(db, "EXPLAIN ", TaskQuery.AssignedTo("user7"));
            mine.ShouldContain("IX_engine_tasks_Assignee_DueDate");
        }
    }

    [Fact]
    public async Task On_SQLite_mine_reads_the_assignee_and_due_date_index()
    {
        var (stores, cleanup) = await TestDatabases.SqliteAsync();
        await using (cleanup)
        {
            var db = ((EfEngineStore)stores()).Context;
            await db.Database.OpenConnectionAsync();

            (await PlanAsync(db, "EXPLAIN QUERY PLAN ", TaskQuery.AssignedTo("ann"))).ShouldContain("IX_engine_tasks_Assignee_DueDate");
        }
    }

    private static async Task<string> PlanAsync(EngineDbContext db, string explain, TaskQuery query)
    {
        var tasks = db.Tasks.AsNoTracking().Filter(query).Sort(query.Sort, db.Database.IsNpgsql()).Take(query.EffectiveLimit);
        await using var command = tasks.CreateDbCommand();
        command.CommandText = explain + command.CommandText;
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                plan.Append(reader.GetValue(i)).Append(' ');
            }
            plan.AppendLine();
        }
        return plan.ToString();
    }
}
