using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Subjects.Randomization;

/// <summary>
/// Two (and more) randomizations of one subject at the same moment: exactly one allocation, the others 409, no list row
/// consumed twice. Truly parallel requests, on each storage (the unique indexes and the subject's optimistic lock).
/// </summary>
public abstract class RandomizationRaceTests(CtmsAppFactory app)
{
    [Fact]
    public async Task Parallel_randomizations_of_one_subject_allocate_exactly_once()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, ("ACT", "Active", 1), ("PBO", "Placebo", 1));
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind("race-seed-00001"));
        for (var round = 0; round < 3; round++)
        {
            var subject = await RandomizationKit.SubjectAsync(s);
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
            {
                start.Wait();
                var by = i % 2 == 0 ? s.Pi : s.SubInvestigator;
                return await by.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors = new { sex = "F", age = "<65" } });
            })).ToList();
            start.Set();
            var responses = await Task.WhenAll(attempts);

            var codes = responses.Select(r => r.StatusCode).ToList();
            codes.Count(c => c == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", codes));
            codes.Count(c => c == HttpStatusCode.Conflict).ShouldBe(5, string.Join(", ", codes));
            (await s.InDbAsync(db => db.SubjectAllocations.CountAsync(a => a.SubjectId == subject))).ShouldBe(1);
            (await s.InDbAsync(db => db.SubjectStatusChanges.CountAsync(c => c.SubjectId == subject && c.To == Domain.Subjects.SubjectStatus.Randomized))).ShouldBe(1);
        }
        var allocations = await s.InDbAsync(db => db.SubjectAllocations.Where(a => a.ProjectId == s.ProjectId).ToListAsync());
        allocations.Select(a => (a.Stratum, a.Sequence)).Distinct().Count().ShouldBe(3);
        allocations.Select(a => a.Sequence).Order().ToList().ShouldBe([1, 2, 3], "no row of the stratum was consumed or skipped by a refused attempt");
    }
}

public sealed class RandomizationRaceTests_Sqlite(SqliteAppFactory app) : RandomizationRaceTests(app), IClassFixture<SqliteAppFactory>;

public sealed class RandomizationRaceTests_Postgres(PostgresAppFactory app) : RandomizationRaceTests(app), IClassFixture<PostgresAppFactory>;
