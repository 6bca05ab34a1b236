using static Ctms.Api.Tests.Notifications.NotificationScenario;

namespace Ctms.Api.Tests.Notifications;

/// <summary>The dispatcher as the host runs it: a background service that sends due mail on its own.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync")]
public sealed class MailDispatcherBackgroundTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _app = new();
    private readonly LoopbackSmtp _smtp = new();

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in _smtp.Settings())
        {
            _app.Settings[key] = value;
        }
        _app.Settings["Smtp:PollInterval"] = "00:00:00.200";
        await _app.InitializeAsync();
        await _smtp.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_running_host_sends_a_notifications_mail_without_being_asked()
    {
        var person = await PersonAsync(_app, culture: "zh-CN");
        using var admin = await _app.AdminAsync();

        await NotifyThroughProcessAsync(admin, "task-assigned", [person.UserName], new { taskName = "Confirm the budget" });

        var mail = (await _smtp.WaitForAsync(person.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("待办：Confirm the budget");
        mail.Headers["X-Ctms-Notification"].ShouldBe((await NotificationsAsync(person.Client)).Items.Single().Id.ToString());
        // The dispatcher marks the row sent after the SMTP server accepted the mail: on a loaded runner the test may read it
        // in between, so it waits for the mark (a row never marked still fails).
        var row = (await OutboxAsync(_app, person.Email)).ShouldHaveSingleItem();
        for (var i = 0; i < 100 && row.SentAt is null; i++)
        {
            await Task.Delay(100);
            row = (await OutboxAsync(_app, person.Email)).ShouldHaveSingleItem();
        }
        row.SentAt.ShouldNotBeNull();
        row.Attempts.ShouldBe(1);
    }
}
