using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.Notifications.NotificationScenario;

namespace Ctms.Api.Tests.Notifications;

/// <summary>
/// Mail through the outbox to a real SMTP server on loopback: rendered per recipient's language, sent once, retried
/// with backoff while the server is down, leased so that two dispatchers never take the same mail.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync")]
public abstract class MailDeliveryTests(Func<CtmsAppFactory> host) : IAsyncLifetime
{
    // A host of its own per test: the outbox, the clock and the mail server's state are the test's alone.
    private readonly CtmsAppFactory _app = host();
    private readonly LoopbackSmtp _smtp = new();

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in _smtp.Settings())
        {
            _app.Settings[key] = value;
        }
        // The test runs the dispatcher's rounds itself, after moving the clock.
        _app.Settings["Smtp:RunDispatcher"] = "false";
        _app.Settings["Smtp:RetryDelay"] = "00:01:00";
        _app.Settings["Smtp:MaxAttempts"] = "3";
        await _app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_send_notification_task_mails_each_recipient_in_their_language_and_leaves_a_notification_in_the_studio()
    {
        await _smtp.StartAsync();
        var english = await PersonAsync(_app, culture: null);
        var chinese = await PersonAsync(_app, culture: "zh-CN");
        var noAddress = await PersonAsync(_app, culture: null, withEmail: false);
        using var admin = await _app.AdminAsync();

        var variables = await NotifyThroughProcessAsync(admin, "notification-generic", [english.UserName, chinese.UserName, noAddress.UserName],
            new { title = "Formal review done", message = "The CTI office finished the formal review.", protocolNumber = "PROT-007" });

        variables.GetProperty("notified").GetInt32().ShouldBe(3);
        (await OutboxAsync(_app, english.Email)).ShouldHaveSingleItem().SentAt.ShouldBeNull("nothing is sent inside the process's transaction");
        (await DispatchAsync(_app)).ShouldBe(2);

        var toEnglish = (await _smtp.WaitForAsync(english.Email)).ShouldHaveSingleItem();
        toEnglish.Subject.ShouldBe("Formal review done (PROT-007)");
        toEnglish.TextBody!.ShouldContain($"Hello Dr {english.UserName},");
        toEnglish.TextBody!.ShouldContain("The CTI office finished the formal review.");
        toEnglish.From.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("ctms@hospital.test");
        var toChinese = (await _smtp.WaitForAsync(chinese.Email)).ShouldHaveSingleItem();
        toChinese.Subject.ShouldBe("Formal review done（PROT-007）", "the Chinese template, with the process's own title");
        toChinese.TextBody!.ShouldContain($"Dr {chinese.UserName}，您好：");
        toChinese.TextBody!.ShouldContain("项目：PROT-007");
        _smtp.Received.Count.ShouldBe(2, "the user without an address gets no mail");

        var inbox = await NotificationsAsync(english.Client);
        var notification = inbox.Items.ShouldHaveSingleItem();
        notification.Subject.ShouldBe(toEnglish.Subject);
        notification.Body.ShouldBe(toEnglish.TextBody!.ReplaceLineEndings("\n").Trim(), "the studio shows what the mail said");
        notification.ReadAt.ShouldBeNull();
        notification.Link.ShouldBe("notifications");
        (await NotificationsAsync(noAddress.Client)).Items.ShouldHaveSingleItem().Template.ShouldBe("notification-generic");
        var row = (await OutboxAsync(_app, chinese.Email)).ShouldHaveSingleItem();
        row.SentAt!.Value.ShouldBe(_app.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldBeNull();
        row.LeaseOwner.ShouldBeNull();
        (await DispatchAsync(_app)).ShouldBe(0, "sent mail is not sent again");
        _smtp.Received.Count.ShouldBe(2);
    }

    [Fact]
    public async Task While_the_mail_server_is_down_mail_waits_with_a_growing_delay_and_is_delivered_once_when_it_is_back()
    {
        var person = await PersonAsync(_app, culture: null);
        using var admin = await _app.AdminAsync();
        await NotifyThroughProcessAsync(admin, "notification-generic", [person.UserName], new { title = "Retry me" });

        (await DispatchAsync(_app)).ShouldBe(0, "the server is down");
        var failed = (await OutboxAsync(_app, person.Email)).ShouldHaveSingleItem();
        failed.Attempts.ShouldBe(1);
        failed.SentAt.ShouldBeNull();
        failed.LastError.ShouldNotBeNullOrWhiteSpace();
        failed.NextAttemptAt!.Value.ShouldBe(_app.Clock.GetUtcNow() + TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(1));

        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        (await DispatchAsync(_app)).ShouldBe(0);
        (await OutboxAsync(_app, person.Email)).Single().Attempts.ShouldBe(1, "not due yet: no attempt");

        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        (await DispatchAsync(_app)).ShouldBe(0);
        var second = (await OutboxAsync(_app, person.Email)).Single();
        second.Attempts.ShouldBe(2);
        second.NextAttemptAt!.Value.ShouldBe(_app.Clock.GetUtcNow() + TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(1), "the delay doubles");

        await _smtp.StartAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await DispatchAsync(_app)).ShouldBe(1);
        (await _smtp.WaitForAsync(person.Email)).ShouldHaveSingleItem().Subject.ShouldBe("Retry me");
        var sent = (await OutboxAsync(_app, person.Email)).Single();
        sent.Attempts.ShouldBe(3);
        sent.SentAt!.Value.ShouldBe(_app.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        sent.LastError.ShouldBeNull();
        sent.GivenUpAt.ShouldBeNull();

        _app.Clock.Advance(TimeSpan.FromHours(1));
        (await DispatchAsync(_app)).ShouldBe(0);
        _smtp.To(person.Email).Count.ShouldBe(1, "no duplicate");
    }

    [Fact]
    public async Task After_the_last_allowed_attempt_a_mail_is_given_up_and_keeps_its_error()
    {
        var person = await PersonAsync(_app, culture: null);
        using var admin = await _app.AdminAsync();
        await NotifyThroughProcessAsync(admin, "notification-generic", [person.UserName], new { title = "Never delivered" });

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await DispatchAsync(_app);
            _app.Clock.Advance(TimeSpan.FromHours(1));
        }
        var given = (await OutboxAsync(_app, person.Email)).ShouldHaveSingleItem();
        given.Attempts.ShouldBe(3);
        given.NextAttemptAt.ShouldBeNull();
        given.SentAt.ShouldBeNull();
        given.GivenUpAt.ShouldNotBeNull();
        given.LastError!.ShouldContain($"127.0.0.1:{_smtp.Port}");

        using var admin2 = await _app.AdminAsync(); // hours later: a fresh token
        var undelivered = await (await admin2.GetAsync("/api/mail-outbox")).ReadAsync<List<OutboxMailDto>>();
        var shown = undelivered.Where(m => m.ToAddress == person.Email).ShouldHaveSingleItem();
        shown.GivenUpAt.ShouldNotBeNull("the administrator sees that it was given up, and why");
        shown.LastError.ShouldBe(given.LastError);
        using var later = await _app.ClientForAsync(person.UserName, _app.UserPassword);
        await (await later.GetAsync("/api/mail-outbox")).ShouldBeProblemAsync(System.Net.HttpStatusCode.Forbidden);

        await _smtp.StartAsync();
        (await DispatchAsync(_app)).ShouldBe(0);
        _smtp.To(person.Email).ShouldBeEmpty("a given-up mail is not tried again");
        (await NotificationsAsync(later)).Items.ShouldHaveSingleItem().Subject.ShouldBe("Never delivered", "the studio still shows it");
    }

    [Fact]
    public async Task Two_dispatchers_leasing_at_the_same_time_never_take_the_same_mail()
    {
        var people = new List<Person>();
        for (var i = 0; i < 3; i++)
        {
            people.Add(await PersonAsync(_app, culture: null));
        }
        using var admin = await _app.AdminAsync();
        await NotifyThroughProcessAsync(admin, "notification-generic", [.. people.Select(p => p.UserName)], new { title = "Leased" });
        var addresses = people.Select(p => p.Email).ToHashSet();

        async Task<IReadOnlyList<OutboxMail>> LeaseAsync(string owner)
        {
            await using var scope = _app.Scope();
            return await MailOutbox.LeaseDueAsync(scope.ServiceProvider.GetRequiredService<CtmsDbContext>(), owner, _app.Clock.GetUtcNow(),
                TimeSpan.FromMinutes(5), 2, default);
        }

        var leased = await Task.WhenAll(LeaseAsync("node-a"), LeaseAsync("node-b"));
        var mine = leased.SelectMany(l => l).Where(m => addresses.Contains(m.ToAddress)).ToList();
        mine.Select(m => m.Id).Distinct().Count().ShouldBe(mine.Count, "no mail is leased twice");
        mine.Count.ShouldBe(3, "between them they took all three");
        (await LeaseAsync("node-c")).Where(m => addresses.Contains(m.ToAddress)).ShouldBeEmpty("leased mail is not due for another node");

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        (await LeaseAsync("node-c")).Count(m => addresses.Contains(m.ToAddress)).ShouldBe(2, "an expired lease is taken over (two per batch)");
    }
}

public sealed class MailDeliveryTests_Sqlite() : MailDeliveryTests(() => new SqliteAppFactory());

public sealed class MailDeliveryTests_Postgres() : MailDeliveryTests(() => new PostgresAppFactory());
