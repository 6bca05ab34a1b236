using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Protocol;
using Ctms.Domain.Subjects.Randomization;
using Ctms.Domain.Subjects.Randomization.Algorithms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Subjects.Randomization;

/// <summary>
/// The randomization through REST: the scheme (seed never shown, locked once), stratified allocation from the concealed
/// lists, the refusals, the go-live condition and the statistician's export.
/// </summary>
public sealed class RandomizationApiTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_scheme_is_set_by_the_data_manager_never_echoes_its_seed_and_cannot_change_after_the_lock()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        (await RandomizationKit.ConfigureAsync(s.Nurse.Client, s.ProjectId, RandomizationKit.StratifiedDoubleBlind())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RandomizationKit.ConfigureAsync(s.Outsider.Client, s.ProjectId, RandomizationKit.StratifiedDoubleBlind())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await RandomizationKit.ConfigureAsync(s.DataManager.Client, s.ProjectId, new { method = "Coin", seed = "short", listLength = 0 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadAsStringAsync();
        problem.ShouldContain("method");
        problem.ShouldContain("seed");

        var configured = await RandomizationKit.ConfigureAsync(s.DataManager.Client, s.ProjectId, RandomizationKit.StratifiedDoubleBlind("secret-seed-xyz-123"));
        var body = await configured.Content.ReadAsStringAsync();
        configured.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        body.ShouldNotContain("secret-seed-xyz-123");
        // No arms yet: the lock is refused and nothing is generated.
        (await s.DataManager.Client.PostAsync($"/api/projects/{s.ProjectId}/randomization/lock", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        await RandomizationKit.AddArmsAsync(s, ("ACT", "Active", 1), ("PBO", "Placebo", 1));
        var locked = await s.Pi.Client.PostAsync($"/api/projects/{s.ProjectId}/randomization/lock", null);
        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var scheme = await (await s.Nurse.Client.GetAsync($"/api/projects/{s.ProjectId}/randomization")).ReadAsync<JsonElement>();
        scheme.GetProperty("locked").GetBoolean().ShouldBeTrue();
        scheme.GetProperty("method").GetString().ShouldBe("StratifiedBlock");
        scheme.GetProperty("blockSizes").ValueKind.ShouldBe(JsonValueKind.Null, "the block sizes help guess the next allocation: not for the nurse");
        scheme.GetRawText().ShouldNotContain("secret-seed-xyz-123");

        // The lists: one per stratum (2 x 2), whole blocks, hashed; reproducible from the seed.
        var entries = await s.InDbAsync(db => db.RandomizationListEntries.Where(e => db.RandomizationSchemes.Any(x => x.Id == e.SchemeId && x.ProjectId == s.ProjectId))
            .ToListAsync());
        entries.Select(e => e.Stratum).Distinct().Count().ShouldBe(4);
        var regenerated = ListGenerator.StratifiedBlocks("secret-seed-xyz-123", [new("ACT", 1), new("PBO", 1)], [4, 6],
            [new("sex", ["M", "F"]), new("age", ["<65", ">=65"])], 24);
        entries.Count.ShouldBe(regenerated.Count);
        scheme.GetProperty("listHash").GetString().ShouldBe(ListGenerator.Hash(regenerated));

        (await RandomizationKit.ConfigureAsync(s.DataManager.Client, s.ProjectId, RandomizationKit.StratifiedDoubleBlind())).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await s.Pi.Client.PostAsync($"/api/projects/{s.ProjectId}/randomization/lock", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Subjects_take_the_next_rows_of_their_stratum_and_each_stratum_stays_balanced()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, ("ACT", "Active", 1), ("PBO", "Placebo", 1));
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind("balance-seed-0001"));

        string[] sexes = ["F", "M"];
        var results = new List<JsonElement>();
        for (var i = 0; i < 12; i++)
        {
            var subject = await RandomizationKit.SubjectAsync(s);
            var by = i % 2 == 0 ? s.Pi : s.SubInvestigator;
            results.Add(await RandomizationKit.RandomizeAsync(by, subject, new { sex = sexes[i % 2], age = i < 8 ? "<65" : ">=65" }));
        }
        results.Select(r => r.GetProperty("randomizationNumber").GetString()).ShouldBe(Enumerable.Range(1, 12).Select(n => $"R{n:0000}"));
        results.ShouldAllBe(r => r.GetProperty("blinded").GetBoolean() && r.GetProperty("arm").ValueKind == JsonValueKind.Null);

        var allocations = await s.InDbAsync(db => db.SubjectAllocations.Where(a => a.ProjectId == s.ProjectId).ToListAsync());
        var entries = await s.InDbAsync(db => db.RandomizationListEntries.Where(e => e.SchemeId == allocations[0].SchemeId).ToListAsync());
        foreach (var stratum in allocations.GroupBy(a => a.Stratum))
        {
            // The stratum's rows are used in order from the first, each once, each allocation the row's arm.
            stratum.Select(a => a.Sequence).Order().ShouldBe(Enumerable.Range(1, stratum.Count()));
            foreach (var a in stratum)
            {
                a.Arm.ShouldBe(entries.Single(e => e.Stratum == a.Stratum && e.Sequence == a.Sequence).Arm);
            }
            // Never further apart than half the largest block.
            Math.Abs(stratum.Count(a => a.Arm == "ACT") - stratum.Count(a => a.Arm == "PBO")).ShouldBeLessThanOrEqualTo(3);
        }
        allocations.Select(a => a.Stratum).Distinct().Count().ShouldBe(4);
        (await s.InDbAsync(db => db.Subjects.CountAsync(x => x.ProjectId == s.ProjectId && x.Status == SubjectStatus.Randomized && x.RandomizedAt != null)))
            .ShouldBe(12);
    }

    [Fact]
    public async Task Randomization_is_refused_with_a_reason_for_the_wrong_subject_the_wrong_factors_or_the_wrong_person()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, ("ACT", "Active", 1), ("PBO", "Placebo", 1));
        var early = await RandomizationKit.SubjectAsync(s);
        var notLocked = await s.Pi.Client.PostAsJsonAsync($"/api/subjects/{early}/randomize", new { factors = new { sex = "F", age = "<65" } });
        notLocked.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await notLocked.Content.ReadAsStringAsync()).ShouldContain("not locked");
        await RandomizationKit.LockedSchemeAsync(s, RandomizationKit.StratifiedDoubleBlind());

        async Task RefusedAsync(Member by, Guid subject, object factors, HttpStatusCode status, string because)
        {
            var response = await by.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors });
            response.StatusCode.ShouldBe(status, because);
            (await response.Content.ReadAsStringAsync()).ShouldContain(because);
        }

        var ok = new { sex = "F", age = "<65" };
        await RefusedAsync(s.Pi, await RandomizationKit.SubjectAsync(s, status: SubjectStatus.Screening), ok, HttpStatusCode.Conflict, "enrolled");
        await RefusedAsync(s.Pi, await RandomizationKit.SubjectAsync(s, eligible: false), ok, HttpStatusCode.Conflict, "not eligible");
        var subject = await RandomizationKit.SubjectAsync(s);
        await RefusedAsync(s.Pi, subject, new { sex = "F" }, HttpStatusCode.BadRequest, "factors.age");
        await RefusedAsync(s.Pi, subject, new { sex = "X", age = "<65" }, HttpStatusCode.BadRequest, "factors.sex");
        await RefusedAsync(s.Pi, subject, new { sex = "F", age = "<65", site = "01" }, HttpStatusCode.BadRequest, "factors.site");
        (await s.Nurse.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors = ok })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await s.Outsider.Client.PostAsJsonAsync($"/api/subjects/{subject}/randomize", new { factors = ok })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await s.InDbAsync(db => db.SubjectAllocations.CountAsync(a => a.ProjectId == s.ProjectId))).ShouldBe(0, "nothing was allocated by a refusal");

        await RandomizationKit.RandomizeAsync(s.Pi, subject, ok);
        await RefusedAsync(s.SubInvestigator, subject, ok, HttpStatusCode.Conflict, "already randomized");
        (await s.InDbAsync(db => db.SubjectAllocations.CountAsync(a => a.ProjectId == s.ProjectId))).ShouldBe(1);
    }

    [Fact]
    public async Task Minimization_allocates_through_rest_and_the_statisticians_export_replays_it()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        await RandomizationKit.AddArmsAsync(s, ("A", "Arm A", 1), ("B", "Arm B", 1));
        await RandomizationKit.LockedSchemeAsync(s, new
        {
            method = "Minimization", factors = new[] { new { code = "sex", levels = new[] { "M", "F" } } }, probability = 0.8,
            seed = "minimization-seed-1", blinding = "Open",
        });
        var levels = new List<Dictionary<string, string>>();
        var arms = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var sex = i % 3 == 0 ? "M" : "F";
            var result = await RandomizationKit.RandomizeAsync(s.Pi, await RandomizationKit.SubjectAsync(s), new { sex });
            result.GetProperty("blinded").GetBoolean().ShouldBeFalse("an open study shows the arm");
            arms.Add(result.GetProperty("arm").GetProperty("code").GetString()!);
            levels.Add(new Dictionary<string, string> { ["sex"] = sex });
        }
        // Replaying the algorithm on the seed reproduces every allocation.
        var replay = new List<MinimizedSubject>();
        for (var i = 0; i < 10; i++)
        {
            replay.Add(new MinimizedSubject(Minimization.Allocate("minimization-seed-1", i + 1, [new("A", 1), new("B", 1)], [new("sex", ["M", "F"])], replay,
                levels[i], 0.8), levels[i]));
        }
        arms.ShouldBe(replay.Select(r => r.Arm));

        (await s.Pi.Client.PostAsJsonAsync($"/api/projects/{s.ProjectId}/randomization/list-export", new { reason = "DSMB" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var export = await s.Admin.PostAsJsonAsync($"/api/projects/{s.ProjectId}/randomization/list-export", new { reason = "Final analysis" });
        export.StatusCode.ShouldBe(HttpStatusCode.OK, await export.Content.ReadAsStringAsync());
        var rows = (await export.ReadAsync<JsonElement>()).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("arm").GetString()!).ToList();
        rows.ShouldBe(arms);
        var record = await s.InDbAsync(db => db.RandomizationListExports.SingleAsync(e => e.ProjectId == s.ProjectId));
        record.Reason.ShouldBe("Final analysis");
        (await s.InDbAsync(db => db.AuditRecords.CountAsync(a => a.EntityKey.Contains(record.Id.ToString())))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_go_live_condition_holds_once_the_scheme_is_locked_for_the_protocols_arms()
    {
        using var s = await SubjectStudy.CreateAsync(app);
        async Task<GoLiveCondition> ConditionAsync()
        {
            await using var scope = app.Scope();
            var check = scope.ServiceProvider.GetServices<IGoLiveCheck>().OfType<RandomizationGoLiveCheck>().Single();
            return (await check.EvaluateAsync(s.ProjectId, app.Clock.GetUtcNow(), default)).Single();
        }
        (await ConditionAsync()).Holds.ShouldBeFalse();
        await RandomizationKit.AddArmsAsync(s, ("ACT", "Active", 2), ("PBO", "Placebo", 1));
        await RandomizationKit.ConfigureAsync(s.DataManager.Client, s.ProjectId, new { method = "PermutedBlock", blockSizes = new[] { 4 }, seed = "golive-seed-1", listLength = 30 });
        // A block of 4 cannot hold 2:1: the lock says so.
        var refused = await s.DataManager.Client.PostAsync($"/api/projects/{s.ProjectId}/randomization/lock", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ConditionAsync()).Holds.ShouldBeFalse();
        await RandomizationKit.LockedSchemeAsync(s, new { method = "PermutedBlock", blockSizes = new[] { 3, 6 }, seed = "golive-seed-1", listLength = 30 });
        (await ConditionAsync()).Holds.ShouldBeTrue();
        await RandomizationKit.AddArmsAsync(s, ("LOW", "Low dose", 1));
        var changed = await ConditionAsync();
        changed.Holds.ShouldBeFalse();
        changed.Detail.ShouldContain("arms changed");
    }
}
