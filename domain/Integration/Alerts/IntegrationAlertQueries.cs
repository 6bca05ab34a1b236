using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Domain.Integration.Alerts;

/// <summary>An integration alert as its administrators see it.</summary>
public sealed record IntegrationAlertDto(Guid Id, string Source, string Code, string Detail, DateTimeOffset RaisedAt, DateTimeOffset LastSeenAt,
    int Occurrences, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>The integration's alerts, open ones first, then the latest seen (integration administrators).</summary>
public sealed record ListIntegrationAlerts(bool? Open = null, int Limit = 100) : IQuery<IReadOnlyList<IntegrationAlertDto>>;

public sealed class ListIntegrationAlertsHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db)
    : IQueryHandler<ListIntegrationAlerts, IReadOnlyList<IntegrationAlertDto>>
{
    public async ValueTask<IReadOnlyList<IntegrationAlertDto>> Handle(ListIntegrationAlerts query, CancellationToken ct)
    {
        await IntegrationAdministrators.EnsureAsync(access, user, ct);
        // Open alerts are few (one per source and code); closed ones are taken newest first by their time-ordered id.
        // Ordering by a DateTimeOffset is left to memory: SQLite cannot order by it.
        var limit = Math.Clamp(query.Limit, 1, 500);
        var open = query.Open is false ? [] : await Project(db.IntegrationAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null)).ToListAsync(ct);
        var closed = query.Open is true ? [] : await Project(db.IntegrationAlerts.AsNoTracking().Where(a => a.AcknowledgedAt != null)
            .OrderByDescending(a => a.Id).Take(limit)).ToListAsync(ct);
        return open.OrderByDescending(a => a.LastSeenAt).Concat(closed.OrderByDescending(a => a.LastSeenAt)).Take(limit).ToList();
    }

    private static IQueryable<IntegrationAlertDto> Project(IQueryable<IntegrationAlert> alerts) =>
        alerts.Select(a => new IntegrationAlertDto(a.Id, a.Source, a.Code, a.Detail, a.RaisedAt, a.LastSeenAt, a.Occurrences, a.AcknowledgedAt, a.AcknowledgedBy));
}

/// <summary>Acknowledges an open alert: it closes, and the next failure of its kind opens a new one.</summary>
public sealed record AcknowledgeIntegrationAlert(Guid AlertId) : ICommand<bool>;

public sealed class AcknowledgeIntegrationAlertHandler(ProjectAccess access, ICurrentUser user, CtmsDbContext db, TimeProvider clock)
    : ICommandHandler<AcknowledgeIntegrationAlert, bool>
{
    public async ValueTask<bool> Handle(AcknowledgeIntegrationAlert command, CancellationToken ct)
    {
        await IntegrationAdministrators.EnsureAsync(access, user, ct);
        await IntegrationAlerts.AcknowledgeAsync(db, command.AlertId, user, clock, ct);
        return true;
    }
}

/// <summary>Who runs the integration: the global action <c>integration.administer</c> (CTI office, administrators).</summary>
public static class IntegrationAdministrators
{
    public static async Task EnsureAsync(ProjectAccess access, ICurrentUser user, CancellationToken ct)
    {
        if (!await access.CanEverywhereAsync(user.Access, ProjectActions.IntegrationAdminister, ct))
        {
            throw new ForbiddenException("Running the hospital integration needs the integration.administer permission (CTI office, administrators).");
        }
    }
}
