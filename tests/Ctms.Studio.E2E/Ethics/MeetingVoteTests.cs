using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ctms.Studio.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Ctms.Studio.E2E.Ethics;

/// <summary>
/// A committee member casts a signed vote in the browser: the vote task from the inbox shows the signature's meaning; a
/// wrong password is refused on the field and nothing is saved; the right one records the vote, signed, as the meeting's
/// minutes page shows. The secretary prepares the meeting through the REST API (schedule, P08, attendance, opening).
/// </summary>
public sealed partial class MeetingVoteTests(DemoHost host, Browser browser) : IClassFixture<DemoHost>, IClassFixture<Browser>
{
    private const float Timeout = 30_000;

    [Fact]
    public async Task A_member_casts_a_signed_vote_from_the_inbox_after_a_wrong_password_is_refused()
    {
        await using var secretaryContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        await using var memberContext = await browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl.ToString(), Locale = "en-US" });
        var secretaryPage = await StudioPage.NewPageAsync(secretaryContext, Timeout);
        var member = await StudioPage.NewPageAsync(memberContext, Timeout);
        Assertions.SetDefaultExpectTimeout(Timeout);
        try
        {
            // Each demo user replaces the demo password at first sign-in; the secretary then works through the API.
            var secretaryPassword = await StudioPage.SignInAsync(secretaryPage, "ec-secretary", host.DemoPassword, "Secretary!" + Guid.NewGuid().ToString("N")[..8]);
            using var secretary = await StudioPage.ApiAsync(host, "ec-secretary", secretaryPassword);
            var committee = (await secretary.GetFromJsonAsync<JsonElement>("/api/ethics/meetings/committees"))[0].GetProperty("id").GetGuid();
            var scheduled = await secretary.PostAsJsonAsync("/api/ethics/meetings", new { committeeId = committee, scheduledAt = DateTimeOffset.UtcNow.AddHours(1), location = "Room 5" });
            scheduled.StatusCode.ShouldBe(HttpStatusCode.Created);
            var meeting = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var instance = (await (await secretary.PostAsJsonAsync("/api/process-instances", new { processId = "P08-ethics-meeting", businessKey = meeting.ToString() }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var planned = await secretary.GetFromJsonAsync<JsonElement>($"/api/ethics/meetings/{meeting}");
            foreach (var seat in planned.GetProperty("attendance").EnumerateArray())
            {
                (await secretary.PutAsJsonAsync($"/api/ethics/meetings/{meeting}/attendance/{seat.GetProperty("memberId").GetGuid()}", new { present = true }))
                    .StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            var open = (await secretary.GetFromJsonAsync<JsonElement>($"/api/tasks?view=groups&instanceId={instance}&elementId=Task_openMeeting"))
                .GetProperty("items")[0].GetProperty("id").GetString();
            (await secretary.PostAsJsonAsync($"/api/tasks/{open}/complete", new { variables = new { } })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

            // The member opens the vote from the inbox and sees what signing declares.
            var memberPassword = await StudioPage.SignInAsync(member, "ec-member", host.DemoPassword, "Member!" + Guid.NewGuid().ToString("N")[..8]);
            await member.GotoAsync("/inbox");
            await StudioPage.ReadyAsync(member);
            var vote = member.GetByTestId("task-row").Filter(new() { HasText = "Cast your vote" });
            await vote.GetByTestId("task-open").ClickAsync();
            await member.WaitForURLAsync(TaskPage());
            await StudioPage.ReadyAsync(member);
            await Assertions.Expect(member.GetByTestId("task-signature-meaning")).ToContainTextAsync("I cast this vote");
            await member.GetByLabel("Approve with modifications").CheckAsync();
            await member.GetByLabel("Comment (for approval with modifications: the modifications required)").FillAsync("Shorten the consent form.");

            // A wrong password: refused on the field, nothing recorded.
            await StudioPage.Field(member, "task-signature-password").FillAsync("not-my-password");
            await member.GetByTestId("task-complete").ClickAsync();
            await Assertions.Expect(member.GetByText("The password is not correct; nothing was signed.", new() { Exact = false })).ToBeVisibleAsync();
            var before = await secretary.GetFromJsonAsync<JsonElement>($"/api/ethics/meetings/{meeting}");
            before.GetProperty("items")[0].GetProperty("votes").GetArrayLength().ShouldBe(0);

            // The right one: the vote is recorded and signed.
            await StudioPage.Field(member, "task-signature-password").FillAsync(memberPassword);
            await Browser.ScreenshotAsync(member, "ethics-vote-signature");
            await member.GetByTestId("task-complete").ClickAsync();
            await Assertions.Expect(member).ToHaveURLAsync(new Regex("/inbox$"));
            var after = await secretary.GetFromJsonAsync<JsonElement>($"/api/ethics/meetings/{meeting}");
            var cast = after.GetProperty("items")[0].GetProperty("votes").EnumerateArray().Single(v => v.GetProperty("userName").GetString() == "ec-member");
            cast.GetProperty("option").GetString().ShouldBe("ApproveWithModifications");
            var signature = cast.GetProperty("signatures").EnumerateArray().Single();
            signature.GetProperty("meaning").GetString().ShouldBe("I cast this vote");
            signature.GetProperty("intact").GetBoolean().ShouldBeTrue();

            // The minutes page shows the vote with its signature's manifestation.
            await member.GotoAsync($"/ethics/meetings/{meeting}/minutes");
            await StudioPage.ReadyAsync(member);
            await Assertions.Expect(member.GetByTestId("minutes-vote-ec-member")).ToContainTextAsync("Approve with modifications");
            await Assertions.Expect(member.GetByTestId("minutes-vote-ec-member").GetByTestId("minutes-signature")).ToContainTextAsync("I cast this vote");
            await Browser.ScreenshotAsync(member, "ethics-meeting-minutes");
        }
        finally
        {
            await secretaryPage.CloseAsync();
            await member.CloseAsync();
        }
    }

    [GeneratedRegex("/tasks/[0-9a-f-]+$")]
    private static partial Regex TaskPage();
}
