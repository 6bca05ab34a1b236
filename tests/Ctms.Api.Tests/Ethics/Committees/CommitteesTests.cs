using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Ethics.Committees;

/// <summary>The committee administration: committees with their rules, seats, and conflicts of interest declared by the member or the EC office.</summary>
public abstract class CommitteesTests(CtmsAppFactory app)
{
    [Fact]
    public async Task The_EC_office_creates_a_committee_seats_members_and_ends_a_seat_and_others_are_refused()
    {
        var (secretary, _) = await app.UserAsync("ec-secretary");
        var (member, memberName) = await app.UserAsync("ec-member");
        var code = "EC-" + Guid.NewGuid().ToString("N")[..6];

        (await member.PostAsJsonAsync("/api/ethics/committees", new { code, name = "Device committee" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invalid = await secretary.PostAsJsonAsync("/api/ethics/committees", new { code, name = "Device committee", rules = new { continuingReviewMonths = 0 } });
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("continuingReviewMonths", out _).ShouldBeTrue();
        var created = await secretary.PostAsJsonAsync("/api/ethics/committees", new
        {
            code, name = "Device committee",
            rules = new { quorumMajorityOfMembers = true, quorumMinimumPresent = 3, quorumRequiresLayMember = true, quorumRequiresBothSexes = false,
                quorumRequiresNonAffiliated = true, decisionMajority = "TwoThirdsOfVotersPresent", continuingReviewMonths = 6 },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var committee = await created.ReadAsync<JsonElement>();
        var id = committee.GetProperty("id").GetGuid();
        (committee.GetProperty("code").GetString(), committee.GetProperty("decisionMajority").GetString(), committee.GetProperty("continuingReviewMonths").GetInt32())
            .ShouldBe((code.ToUpperInvariant(), "TwoThirdsOfVotersPresent", 6));
        (await secretary.PostAsJsonAsync("/api/ethics/committees", new { code, name = "Again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        object Seat(string userName) => new { userName, role = "Member", sex = "Female", affiliated = false, termStart = today.AddDays(-1), termEnd = today.AddYears(2), expertise = new[] { "Cardiology; Devices" } };
        (await secretary.PostAsJsonAsync($"/api/ethics/committees/{id}/members", Seat("nobody-" + Guid.NewGuid().ToString("N")[..6]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var seated = await secretary.PostAsJsonAsync($"/api/ethics/committees/{id}/members", Seat(memberName));
        seated.StatusCode.ShouldBe(HttpStatusCode.Created, await seated.Content.ReadAsStringAsync());
        var seat = await seated.ReadAsync<JsonElement>();
        seat.GetProperty("expertise").EnumerateArray().Select(e => e.GetString()).ShouldBe(["cardiology", "devices"]);
        seat.GetProperty("inTerm").GetBoolean().ShouldBeTrue();
        (await secretary.PostAsJsonAsync($"/api/ethics/committees/{id}/members", Seat(memberName))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var memberId = seat.GetProperty("id").GetGuid();
        var changed = await secretary.PutAsJsonAsync($"/api/ethics/committees/{id}/members/{memberId}",
            new { role = "ViceChair", sex = "Female", affiliated = true, termStart = today.AddDays(-1), termEnd = today.AddYears(1), expertise = new[] { "cardiology" } });
        (await changed.ReadAsync<JsonElement>()).GetProperty("role").GetString().ShouldBe("ViceChair");
        (await member.PostAsJsonAsync($"/api/ethics/committees/{id}/members/{memberId}/end", new { reason = "Moved away" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ended = await secretary.PostAsJsonAsync($"/api/ethics/committees/{id}/members/{memberId}/end", new { endsOn = today.AddDays(-1), reason = "Moved away" });
        (await ended.ReadAsync<JsonElement>()).GetProperty("inTerm").GetBoolean().ShouldBeFalse();

        var listed = await (await member.GetAsync($"/api/ethics/committees/{id}")).ReadAsync<JsonElement>();
        listed.GetProperty("members").EnumerateArray().Single().GetProperty("termEnd").GetString().ShouldBe(today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Domain.Data.CtmsDbContext>();
        (await db.AuditRecords.AsNoTracking().AnyAsync(r => r.EntityKey == memberId.ToString() && r.Field == "TermEnd" && r.Reason == "Moved away")).ShouldBeTrue();
    }

    [Fact]
    public async Task A_member_declares_and_withdraws_their_own_conflict_but_not_anothers()
    {
        var s = await EthicsScenario.CreateAsync(app);
        var (mine, other) = (s.Seats[1], s.Seats[2]);
        var path = $"/api/ethics/committees/{s.CommitteeId}";

        (await other.Client.PostAsJsonAsync($"{path}/members/{mine.MemberId}/conflicts", new { projectId = s.ProjectId, reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var declared = await mine.Client.PostAsJsonAsync($"{path}/members/{mine.MemberId}/conflicts", new { projectId = s.ProjectId, reason = "My spouse works for the sponsor" });
        declared.StatusCode.ShouldBe(HttpStatusCode.Created, await declared.Content.ReadAsStringAsync());
        var conflict = await declared.ReadAsync<JsonElement>();
        conflict.GetProperty("declaredBy").GetString().ShouldBe(mine.UserName);
        (await mine.Client.PostAsJsonAsync($"{path}/members/{mine.MemberId}/conflicts", new { projectId = s.ProjectId, reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The member sees their own declarations, the office all of them.
        (await (await other.Client.GetAsync($"{path}/conflicts")).ReadAsync<JsonElement>()).GetArrayLength().ShouldBe(0);
        (await (await s.Secretary.GetAsync($"{path}/conflicts?projectId={s.ProjectId}")).ReadAsync<JsonElement>()).GetArrayLength().ShouldBe(1);

        var conflictId = conflict.GetProperty("id").GetGuid();
        (await other.Client.PostAsJsonAsync($"{path}/conflicts/{conflictId}/withdraw", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var withdrawn = await mine.Client.PostAsJsonAsync($"{path}/conflicts/{conflictId}/withdraw", new { reason = "Spouse left the sponsor" });
        (await withdrawn.ReadAsync<JsonElement>()).GetProperty("active").GetBoolean().ShouldBeFalse();
        (await mine.Client.PostAsJsonAsync($"{path}/conflicts/{conflictId}/withdraw", new { reason = "again" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }
}

public sealed class CommitteesTests_Sqlite(SqliteAppFactory app) : CommitteesTests(app), IClassFixture<SqliteAppFactory>;
