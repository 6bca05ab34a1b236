using Ctms.Domain.Access;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ctms.Domain.Integration.Alerts;

/// <summary>
/// Raises integration alerts. An alert is saved in a unit of work of its own, so it survives the failure that caused it
/// (the caller's transaction usually rolls back). A new alert notifies the administrators (inbox and mail); a repeat of an
/// open one only counts.
/// </summary>
public sealed class IntegrationAlerts(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IntegrationAlerts> logger)
{
    public const string Template = "integration-alert";

    /// <summary>
    /// How long <see cref="RaiseAsync"/> waits for the alert to be saved. A caller inside a write transaction (an activity
    /// in an engine command) holds the database's writer (SQLite's writer gate, PostgreSQL's audit-chain lock), which the
    /// alert's own unit of work must wait for: waiting a moment instead of for ever lets that caller go on to its rollback,
    /// after which the alert is saved on its own. Everyone else finds the alert saved when the call returns.
    /// </summary>
    public static readonly TimeSpan SaveWait = TimeSpan.FromSeconds(2);

    public async Task RaiseAsync(string source, string code, string detail, CancellationToken ct = default)
    {
        logger.LogWarning("Integration alert {Source}/{Code}: {Detail}", source, code, detail);
        var saving = Task.Run(() => SaveAsync(source, code, detail), CancellationToken.None);
        await Task.WhenAny(saving, Task.Delay(SaveWait, CancellationToken.None));
    }

    private async Task SaveAsync(string source, string code, string detail)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
            var now = clock.GetUtcNow();
            var open = await db.IntegrationAlerts.FirstOrDefaultAsync(a => a.Source == source && a.Code == code && a.AcknowledgedAt == null);
            if (open is not null)
            {
                open.Repeat(detail, now);
                await db.SaveChangesAsync();
                return;
            }
            db.IntegrationAlerts.Add(new IntegrationAlert(source, code, detail, now));
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SendNotification(Template,
                [SendNotification.RolePrefix + Roles.Admin, SendNotification.RolePrefix + Roles.CtiSecretary], null,
                new Dictionary<string, object?> { ["source"] = source, ["code"] = code, ["detail"] = detail, ["raisedAt"] = now },
                "/integration"));
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            // An alert that cannot be saved must not hide the failure it reports: the caller's error still goes out.
            logger.LogError(e, "Could not save the integration alert {Source}/{Code}", source, code);
        }
    }

    /// <summary>Closes an open alert (the integration administrators' acknowledgement).</summary>
    public static async Task AcknowledgeAsync(CtmsDbContext db, Guid alertId, ICurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var alert = await db.IntegrationAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw new NotFoundException($"Alert {alertId} was not found.");
        if (!alert.IsOpen)
        {
            throw new ConflictException($"Alert {alertId} was already acknowledged by {alert.AcknowledgedBy}.");
        }
        alert.Acknowledge(user.UserName ?? "system", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }
}
