using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ctms.Domain.Notifications;

/// <summary>
/// A mail waiting to be sent, written with its <see cref="Notification"/> in the same transaction (a step that rolled
/// back sends nothing) and sent later by the host's dispatcher over SMTP. A failed attempt is tried again after a
/// growing delay; after the last allowed attempt it is given up and stays here, with its error, for the administrator.
/// </summary>
public sealed class OutboxMail
{
    public const int AddressMax = 320;
    public const int ErrorMax = 2000;
    public const int LeaseOwnerMax = 200;

    private OutboxMail() { }

    public OutboxMail(Guid notificationId, string toAddress, string? toName, string subject, string textBody, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        NotificationId = notificationId;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid NotificationId { get; private set; }
    public string ToAddress { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How many times sending was tried.</summary>
    public int Attempts { get; private set; }

    /// <summary>When the dispatcher may try (again); null once sent or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Set when the last allowed attempt failed: the mail is not tried again.</summary>
    public DateTimeOffset? GivenUpAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>The dispatcher (node) that is sending it now, until <see cref="LeaseExpiresAt"/>; another node skips it meanwhile.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    public bool IsDue(DateTimeOffset now) =>
        SentAt is null && GivenUpAt is null && NextAttemptAt <= now && (LeaseExpiresAt is null || LeaseExpiresAt < now);

    public void Lease(string owner, DateTimeOffset until)
    {
        LeaseOwner = owner;
        LeaseExpiresAt = until;
    }

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        SentAt = at;
        NextAttemptAt = null;
        LastError = null;
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }

    /// <summary>Records a failed attempt: tried again at <paramref name="retryAt"/>, or given up when that is null.</summary>
    public void MarkFailed(string error, DateTimeOffset at, DateTimeOffset? retryAt)
    {
        Attempts++;
        LastError = error.Length > ErrorMax ? error[..ErrorMax] : error;
        NextAttemptAt = retryAt;
        GivenUpAt = retryAt is null ? at : null;
        LeaseOwner = null;
        LeaseExpiresAt = null;
    }
}

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> b)
    {
        b.ToTable("mail_outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.ToAddress).HasMaxLength(OutboxMail.AddressMax).IsRequired();
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(Notification.SubjectMax).IsRequired();
        b.Property(m => m.TextBody).HasMaxLength(Notification.BodyMax).IsRequired();
        b.Property(m => m.LastError).HasMaxLength(OutboxMail.ErrorMax);
        b.Property(m => m.LeaseOwner).HasMaxLength(OutboxMail.LeaseOwnerMax);
        b.HasOne<Notification>().WithMany().HasForeignKey(m => m.NotificationId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's question: what is not sent and not given up, by when it is due.
        b.HasIndex(m => new { m.SentAt, m.GivenUpAt, m.NextAttemptAt });
    }
}
