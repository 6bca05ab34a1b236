using System.Net;
using System.Text.RegularExpressions;
using Ctms.Domain.Ethics.Model;

namespace Ctms.Api.Tests.Ethics.Meetings;

/// <summary>The meeting pages as first rendered on the server: the planner lists the meeting, its page the attendance and agenda, the minutes each vote with its signature.</summary>
public sealed partial class MeetingPagesTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_planner_the_meeting_and_its_minutes_show_the_attendance_the_agenda_and_the_signed_vote()
    {
        var s = await EthicsScenario.CreateAsync(app);
        await s.ReviewAsync(ReviewStatus.AwaitingMeeting);
        var kit = await new MeetingKit(s).ScheduleAndStartAsync();
        await kit.PresentAsync([.. s.Seats]);
        (await kit.OpenAsync()).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await kit.VoteAsync(s.Seats[3], "approve-with-modifications", "Shorten the consent form.")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var secretary = await app.StudioClientAsync(s.SecretaryName);
        var planner = await (await secretary.GetAsync("/ethics/meetings")).Content.ReadAsStringAsync();
        planner.ShouldContain("data-testid=\"meetings-schedule\"");
        planner.ShouldContain($"data-testid=\"meeting-{kit.MeetingId}\"");

        var meeting = await (await secretary.GetAsync($"/ethics/meetings/{kit.MeetingId}")).Content.ReadAsStringAsync();
        meeting.ShouldContain("data-testid=\"meeting-quorum-ok\"");
        meeting.ShouldContain($"data-testid=\"attendance-{s.Seats[5].UserName}\"");
        meeting.ShouldContain("data-testid=\"agenda-item-1\"");

        using var member = await app.StudioClientAsync(s.Seats[1].UserName);
        var minutes = await (await member.GetAsync($"/ethics/meetings/{kit.MeetingId}/minutes")).Content.ReadAsStringAsync();
        minutes.ShouldContain($"data-testid=\"minutes-vote-{s.Seats[3].UserName}\"");
        minutes.ShouldContain("Approve with modifications (Shorten the consent form.)");
        minutes.ShouldContain($"Signed by Test {s.Seats[3].UserName} ({s.Seats[3].UserName}) on ");
        minutes.ShouldContain("UTC: I cast this vote");

        // A member of no seat is told the meeting is not there.
        var (_, outsiderName) = await app.UserAsync("ec-member");
        using var outsider = await app.StudioClientAsync(outsiderName);
        (await (await outsider.GetAsync($"/ethics/meetings/{kit.MeetingId}/minutes")).Content.ReadAsStringAsync()).ShouldContain("data-testid=\"minutes-not-found\"");
    }
}
