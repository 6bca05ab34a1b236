using Ctms.Domain.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ctms.Api.Notifications;

/// <summary>The outcome of one mail's attempt: sent, or the error and whether trying again can help.</summary>
internal sealed record MailAttempt(Guid MailId, string? Error, bool Permanent)
{
    public bool Sent => Error is null;
}

/// <summary>Sends a batch of outbox mail over one SMTP connection with MailKit.</summary>
internal sealed class SmtpMailSender(IOptions<SmtpOptions> options)
{
    public async Task<IReadOnlyList<MailAttempt>> SendAsync(IReadOnlyList<OutboxMail> batch, CancellationToken ct)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Socket(smtp.Security), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The server is down or refuses us: every mail of the batch waits for the next attempt.
            return [.. batch.Select(m => new MailAttempt(m.Id, $"{smtp.Host}:{smtp.Port}: {e.Message}", false))];
        }
        var attempts = new List<MailAttempt>(batch.Count);
        foreach (var mail in batch)
        {
            attempts.Add(await SendOneAsync(client, smtp, mail, ct));
        }
        await client.DisconnectAsync(quit: true, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None)
            .ContinueWith(_ => { }, TaskScheduler.Default);
        return attempts;
    }

    private static async Task<MailAttempt> SendOneAsync(SmtpClient client, SmtpOptions smtp, OutboxMail mail, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = Compose(smtp, mail);
        }
        catch (ParseException e)
        {
            return new MailAttempt(mail.Id, $"The address '{mail.ToAddress}' is not valid: {e.Message}", true);
        }
        try
        {
            await client.SendAsync(message, ct);
            return new MailAttempt(mail.Id, null, false);
        }
        catch (SmtpCommandException e)
        {
            // 5xx for a recipient (unknown mailbox): trying again cannot help. Anything else may pass later.
            var permanent = (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted;
            return new MailAttempt(mail.Id, $"{(int)e.StatusCode} {e.Message}", permanent);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new MailAttempt(mail.Id, e.Message, false);
        }
    }

    private static MimeMessage Compose(SmtpOptions smtp, OutboxMail mail)
    {
        var message = new MimeMessage
        {
            // One id per outbox row: a mail sent again after a lost acknowledgement is recognisable as the same one.
            MessageId = $"{mail.Id:N}@ctms",
            Subject = mail.Subject,
            Date = mail.CreatedAt,
            Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = mail.TextBody },
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", MailboxAddress.Parse(mail.ToAddress).Address));
        message.Headers.Add("X-Ctms-Notification", mail.NotificationId.ToString());
        return message;
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
