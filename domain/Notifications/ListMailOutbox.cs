using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Notifications;

/// <summary>One outbox row as the administrator sees it: where it goes, how far it got, and why it failed.</summary>
public sealed record OutboxMailDto(
    Guid Id, Guid NotificationId, string ToAddress, string Subject, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt, DateTimeOffset? GivenUpAt, string? LastError);

/// <summary>
/// The mail outbox, newest first, for administrators: by default only what is not delivered (waiting, being retried,
/// or given up), so a mail server that refuses the hospital's mail is seen.
/// </summary>
public sealed record ListMailOutbox(bool UndeliveredOnly = true, int Limit = 100) : IQuery<IReadOnlyList<OutboxMailDto>>, IValidatable
{
    public void Validate(Validator v) => v.Must(Limit is > 0 and <= 500, nameof(Limit), "Limit must be between 1 and 500.");
}

public sealed class ListMailOutboxHandler(CtmsDbContext db, ICurrentUser user) : IQueryHandler<ListMailOutbox, IReadOnlyList<OutboxMailDto>>
{
    public async ValueTask<IReadOnlyList<OutboxMailDto>> Handle(ListMailOutbox query, CancellationToken ct)
    {
        if (!user.Access.IsInRole(Roles.Admin))
        {
            throw new ForbiddenException("Only an administrator may read the mail outbox.");
        }
        var rows = db.MailOutbox.AsNoTracking();
        if (query.UndeliveredOnly)
        {
            rows = rows.Where(m => m.SentAt == null);
        }
        // Version 7 ids: newest first without comparing dates (which SQLite cannot).
        return await rows.OrderByDescending(m => m.Id).Take(query.Limit)
            .Select(m => new OutboxMailDto(m.Id, m.NotificationId, m.ToAddress, m.Subject, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.SentAt,
                m.GivenUpAt, m.LastError))
            .ToListAsync(ct);
    }
}
