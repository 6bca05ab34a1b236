namespace Ctms.Api.Notifications;

/// <summary>How the connection to the mail server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or network).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (port 587); refused when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>The <c>Smtp</c> section: the mail server the outbox is sent through. Without a host, mail stays in the outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "ctms@localhost";
    public string FromName { get; set; } = "Ctms";

    /// <summary>False keeps the dispatcher from running on this node (tests run its rounds themselves).</summary>
    public bool RunDispatcher { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dispatcher holds the mail it is sending before another node may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 20;

    /// <summary>Attempts before a mail is given up (it stays in the outbox with its last error).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>When to try again after <paramref name="attempts"/> failed attempts; null once they are all used.</summary>
    public DateTimeOffset? RetryAt(int attempts, DateTimeOffset now)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return now + delay;
    }
}
