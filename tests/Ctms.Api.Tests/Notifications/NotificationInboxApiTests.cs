using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Ctms.Api.Tests.Notifications.NotificationScenario;

namespace Ctms.Api.Tests.Notifications;

/// <summary>The bell: my notifications, the unread count, marking read; nobody reads or marks another's.</summary>
public sealed class NotificationInboxApiTests(SqliteAppFactory app) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task The_unread_count_falls_as_notifications_are_read_one_by_one_or_all_at_once()
    {
        var me = await PersonAsync(app, culture: null, withEmail: false);
        var other = await PersonAsync(app, culture: null, withEmail: false);
        using var admin = await app.AdminAsync();
        for (var i = 1; i <= 3; i++)
        {
            await NotifyThroughProcessAsync(admin, "notification-generic", [me.UserName], new { title = $"News {i}" });
        }
        await NotifyThroughProcessAsync(admin, "notification-generic", [other.UserName], new { title = "Not yours" });

        (await UnreadAsync(me.Client)).ShouldBe(3);
        var all = await NotificationsAsync(me.Client);
        all.Items.Select(n => n.Subject).ShouldBe(["News 3", "News 2", "News 1"], "newest first");
        (all.Total, all.Unread).ShouldBe((3, 3));
        var page = await NotificationsAsync(me.Client, "?offset=1&limit=1");
        page.Items.ShouldHaveSingleItem().Subject.ShouldBe("News 2");
        page.Total.ShouldBe(3);

        var read = await (await me.Client.PostAsync($"/api/notifications/{all.Items[1].Id}/read", null)).ReadAsync<Ctms.Domain.Notifications.NotificationDto>();
        read.ReadAt.ShouldNotBeNull();
        (await UnreadAsync(me.Client)).ShouldBe(2);
        (await NotificationsAsync(me.Client, "?unreadOnly=true")).Items.Select(n => n.Subject).ShouldBe(["News 3", "News 1"]);

        var theirs = (await NotificationsAsync(other.Client)).Items.ShouldHaveSingleItem();
        await (await me.Client.PostAsync($"/api/notifications/{theirs.Id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await UnreadAsync(other.Client)).ShouldBe(1, "someone else's notification stays unread");

        var marked = await (await me.Client.PostAsync("/api/notifications/read-all", null)).ReadAsync<JsonElement>();
        marked.GetProperty("marked").GetInt32().ShouldBe(2);
        (await UnreadAsync(me.Client)).ShouldBe(0);
        (await NotificationsAsync(me.Client)).Items.ShouldAllBe(n => n.ReadAt != null);
        (await UnreadAsync(other.Client)).ShouldBe(1);
    }

    [Fact]
    public async Task Bad_paging_and_an_unknown_language_are_refused_and_anonymous_callers_are_not_let_in()
    {
        var me = await PersonAsync(app, culture: null, withEmail: false);
        await (await me.Client.GetAsync("/api/notifications?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await me.Client.GetAsync("/api/notifications?offset=-1")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var language = await (await me.Client.PutAsJsonAsync("/api/notifications/language", new { culture = "fr" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        language.GetProperty("errors").GetProperty("culture")[0].GetString()!.ShouldContain("zh-CN");
        (await me.Client.PutAsJsonAsync("/api/notifications/language", new { culture = "zh-CN" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/api/notifications/unread-count")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_mail_server_configured_mail_stays_in_the_outbox_and_the_studio_still_shows_the_notification()
    {
        var me = await PersonAsync(app, culture: null);
        using var admin = await app.AdminAsync();
        await NotifyThroughProcessAsync(admin, "notification-generic", [me.UserName], new { title = "Mail is off" });

        (await DispatchAsync(app)).ShouldBe(0);
        var waiting = (await OutboxAsync(app, me.Email)).ShouldHaveSingleItem();
        waiting.Subject.ShouldBe("Mail is off");
        waiting.Attempts.ShouldBe(0, "with mail off nothing is tried, so nothing is used up");
        waiting.SentAt.ShouldBeNull();
        (await UnreadAsync(me.Client)).ShouldBe(1);
    }

    [Fact]
    public async Task A_role_as_recipient_reaches_everyone_holding_it_once_even_when_also_named()
    {
        var first = await PersonAsync(app, culture: null, withEmail: false, role: "finance-officer");
        var second = await PersonAsync(app, culture: "zh-CN", withEmail: false, role: "finance-officer");
        var bystander = await PersonAsync(app, culture: null, withEmail: false);
        using var admin = await app.AdminAsync();

        var variables = await NotifyThroughProcessAsync(admin, "task-assigned", ["role:finance-officer", first.UserName], new { taskName = "Budget review" });

        variables.GetProperty("notified").GetInt32().ShouldBeGreaterThanOrEqualTo(2);
        (await NotificationsAsync(first.Client)).Items.ShouldHaveSingleItem().Subject.ShouldBe("Budget review is waiting for you");
        (await NotificationsAsync(second.Client)).Items.ShouldHaveSingleItem().Subject.ShouldBe("待办：Budget review");
        (await NotificationsAsync(bystander.Client)).Items.ShouldBeEmpty();
    }

    private static async Task<int> UnreadAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/notifications/unread-count")).ReadAsync<JsonElement>()).GetProperty("unread").GetInt32();
}
