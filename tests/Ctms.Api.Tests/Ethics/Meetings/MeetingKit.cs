using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Tests.Ethics.Meetings;

/// <summary>What the meeting tests do again and again on an <see cref="EthicsScenario"/>: schedule, start P08, attendance, votes.</summary>
public sealed class MeetingKit(EthicsScenario s)
{
    public const string Process = "P08-ethics-meeting";

    public EthicsScenario Scenario => s;
    public Guid MeetingId { get; private set; }
    public string InstanceId { get; private set; } = "";

    /// <summary>The secretary schedules a meeting for tomorrow and starts P08 with its id as business key (the agenda is built).</summary>
    public async Task<MeetingKit> ScheduleAndStartAsync()
    {
        var created = await s.Secretary.PostAsJsonAsync("/api/ethics/meetings",
            new { committeeId = s.CommitteeId, scheduledAt = s.App.Clock.GetUtcNow().AddDays(1), location = "EC meeting room" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        MeetingId = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        InstanceId = (await (await s.Secretary.PostAsJsonAsync("/api/process-instances", new { processId = Process, businessKey = MeetingId.ToString() }))
            .ReadAsync<JsonElement>()).GetProperty("id").GetString()!;
        return this;
    }

    public async Task<JsonElement> MeetingAsync(HttpClient? reader = null) =>
        await (await (reader ?? s.Secretary).GetAsync($"/api/ethics/meetings/{MeetingId}")).ReadAsync<JsonElement>();

    public async Task<JsonElement> ItemAsync(Guid reviewId) =>
        (await MeetingAsync()).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("reviewId").GetGuid() == reviewId);

    /// <summary>The secretary records these seats present.</summary>
    public async Task PresentAsync(params EthicsScenario.Seat[] seats)
    {
        foreach (var seat in seats)
        {
            (await s.Secretary.PutAsJsonAsync($"/api/ethics/meetings/{MeetingId}/attendance/{seat.MemberId}", new { present = true }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    public Task<HttpResponseMessage> OpenAsync() => s.CompleteAsync(s.Secretary, InstanceId, "Task_openMeeting", new { openingNotes = "Opened by the chair." });

    /// <summary>A member's vote from the inbox: the vote task completed with the password.</summary>
    public Task<HttpResponseMessage> VoteAsync(EthicsScenario.Seat seat, string option, string? comment = null) =>
        s.CompleteAsync(seat.Client, InstanceId, "Task_castVote", new { option, comment }, sign: true);

    /// <summary>A vote through the meeting's REST endpoint, with the signature's password.</summary>
    public Task<HttpResponseMessage> VoteByRestAsync(HttpClient client, Guid itemId, string option, string? password = null) =>
        client.PostAsJsonAsync($"/api/ethics/meetings/{MeetingId}/items/{itemId}/votes",
            new { option, comment = (string?)null, signature = new { password = password ?? s.App.UserPassword } });

    public async Task<IReadOnlyList<string>> ActiveElementsAsync() =>
        (await (await s.Admin.GetAsync($"/api/process-instances/{InstanceId}")).ReadAsync<JsonElement>())
        .GetProperty("active").EnumerateArray().Select(a => a.GetProperty("elementId").GetString()!).ToList();

    /// <summary>The refusals recorded on the audit trail for requests under this path.</summary>
    public Task<List<(int Status, string Reason)>> RefusalsAsync(string pathContains) => s.InDbAsync(async (CtmsDbContext db) =>
        (await db.RefusedAttempts.AsNoTracking().Where(r => r.Path.Contains(pathContains)).Select(r => new { r.Status, r.Reason }).ToListAsync())
        .Select(r => (r.Status, r.Reason)).ToList());
}
