using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Notifications;

/// <summary>
/// Sends the outbox: every <see cref="SmtpOptions.PollInterval"/> it leases the due mail (so each row is sent by one node
/// at a time, <see cref="MailOutbox"/>), sends it over SMTP and records each outcome: sent, tried again after a
/// doubling delay, or given up after <see cref="SmtpOptions.MaxAttempts"/>. Due times follow the host's clock, which
/// tests move. Without <c>Smtp:Host</c> it says once that mail is off and the mail stays in the outbox.
/// </summary>
internal sealed class MailDispatcher(IServiceScopeFactory scopes, SmtpMailSender sender, IOptions<SmtpOptions> options, TimeProvider clock,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private int _offLogged;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "CTMS-MAIL-0500 The mail dispatcher failed a round; it tries again");
            }
            // A real wait, not the host's clock: the poll must go on while a test holds that clock still.
            await Task.Delay(options.Value.PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Leases one batch of due mail and tries to send it; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var smtp = options.Value;
        if (!smtp.Enabled)
        {
            if (Interlocked.Exchange(ref _offLogged, 1) == 0)
            {
                logger.LogWarning("CTMS-MAIL-0001 Mail is off (Smtp:Host is not set): notifications stay in the outbox until it is");
            }
            return 0;
        }
        IReadOnlyList<OutboxMail> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            batch = await MailOutbox.LeaseDueAsync(scope.ServiceProvider.GetRequiredService<CtmsDbContext>(), _owner, clock.GetUtcNow(), smtp.Lease,
                Math.Max(1, smtp.BatchSize), ct);
        }
        if (batch.Count == 0)
        {
            return 0;
        }
        var attempts = await sender.SendAsync(batch, ct);
        var sent = 0;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            foreach (var attempt in attempts)
            {
                var now = clock.GetUtcNow();
                var recorded = await MailOutbox.RecordAsync(db, attempt.MailId, _owner, mail =>
                {
                    if (attempt.Sent)
                    {
                        mail.MarkSent(now);
                        return;
                    }
                    var retryAt = attempt.Permanent ? null : smtp.RetryAt(mail.Attempts + 1, now);
                    mail.MarkFailed(attempt.Error!, now, retryAt);
                    if (retryAt is null)
                    {
                        logger.LogError("CTMS-MAIL-0003 Mail {MailId} was given up after {Attempts} attempt(s): {Error}", mail.Id, mail.Attempts, attempt.Error);
                    }
                    else
                    {
                        logger.LogWarning("CTMS-MAIL-0002 Mail {MailId} was not sent (attempt {Attempts}); tried again at {RetryAt}: {Error}",
                            mail.Id, mail.Attempts, retryAt, attempt.Error);
                    }
                }, ct);
                sent += recorded && attempt.Sent ? 1 : 0;
            }
        }
        return sent;
    }
}
