using Ctms.Domain.Access;
using Ctms.Domain.Projects;

namespace Ctms.Bench;

/// <summary>
/// The authorization check every project-scoped request makes: a CRC with memberships on 20 projects, among
/// 2,000 projects with 10 members each, asks "may I read project P" through <see cref="ProjectAccess"/>.
/// </summary>
internal static class AccessCheckBenchmark
{
    public static async Task RunAsync(ResultTable table, bool quick, string? postgres)
    {
        var projects = quick ? 200 : 2000;
        var checks = quick ? 200 : 5000;
        await foreach (var db in BenchDatabase.AllAsync(postgres))
        {
            await using (db)
            {
                var (crc, ids) = await SeedAsync(db, projects);
                var user = new AccessUser(crc, new HashSet<string> { Roles.Crc });
                foreach (var clients in new[] { 1, 4 })
                {
                    var (rate, p50, p99, count) = await Latencies.MeasureAsync(clients, checks / clients, async (c, i) =>
                    {
                        await using var context = db.Create();
                        var access = new ProjectAccess(context, TimeProvider.System);
                        await access.CanAsync(user, ProjectActions.Read, ids[(c * 7919 + i) % ids.Count]);
                    });
                    table.Add($"access check ({projects} projects)", db.Provider, clients, rate, p50, p99, count);
                }
            }
        }
    }

    private static async Task<(string CrcId, List<Guid> Projects)> SeedAsync(BenchDatabase db, int count)
    {
        await using var context = db.Create();
        var users = Enumerable.Range(0, 10).Select(i => new CtmsUser($"bench-{i}", $"Bench {i}") { CreatedAt = DateTimeOffset.UtcNow }).ToList();
        context.Users.AddRange(users);
        var ids = new List<Guid>();
        for (var p = 0; p < count; p++)
        {
            var project = new Project($"ACC-{p}", "Access benchmark", null, DateTimeOffset.UtcNow);
            context.Projects.Add(project);
            ids.Add(project.Id);
            foreach (var (u, index) in users.Select((u, index) => (u, index)))
            {
                // The first user is a CRC on every hundredth project; the others fill the membership table.
                if (index > 0 || p % (count / 20) == 0)
                {
                    context.ProjectMemberships.Add(new ProjectMembership(project.Id, u.Id, Roles.Crc, DateTimeOffset.UtcNow.AddDays(-1), null));
                }
            }
        }
        await context.SaveChangesAsync();
        return (users[0].Id, ids);
    }
}
