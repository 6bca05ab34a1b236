using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Engine.Runtime.Activities;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Engine;

/// <summary>
/// The host's activities, each run behind a savepoint of the command's transaction: when an activity fails
/// technically, its domain writes (and their audit records) are rolled back before the engine schedules the retry,
/// so a failed attempt leaves nothing half done. A completed activity's writes are saved with the command.
/// </summary>
/// <para>
/// When a person's command reaches an activity whose domain command refuses (no role, a conflict, invalid data), the
/// refusal becomes an <see cref="ActivityRefusedException"/>: the whole command is rolled back and the person gets the
/// refusal as a ProblemDetails, instead of a retry that would fail the same way. A job's refusal stays a failure.
/// </para>
internal sealed class GuardedActivities(ActivityRegistry registry, CtmsDbContext domain, ICurrentUser user) : IActivityRegistry
{
    public bool IsRegistered(string taskType) => registry.IsRegistered(taskType);

    public IActivityHandler? Find(string taskType) => registry.Find(taskType) is { } handler ? new Guarded(handler, domain, user) : null;

    private sealed class Guarded(IActivityHandler inner, CtmsDbContext domain, ICurrentUser user) : IActivityHandler
    {
        private const string Savepoint = "activity";

        public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
        {
            var transaction = domain.Database.CurrentTransaction;
            if (transaction is null)
            {
                return await RefusingAsync(context, ct);
            }
            await domain.SaveChangesAsync(ct);
            await transaction.CreateSavepointAsync(Savepoint, ct);
            try
            {
                var result = await RefusingAsync(context, ct);
                await domain.SaveChangesAsync(ct);
                return result;
            }
            catch
            {
                await transaction.RollbackToSavepointAsync(Savepoint, ct);
                domain.ChangeTracker.Clear();
                throw;
            }
        }

        private async Task<ActivityResult> RefusingAsync(ActivityContext context, CancellationToken ct)
        {
            try
            {
                return await inner.ExecuteAsync(context, ct);
            }
            catch (Exception e) when (user.UserId != SystemUser.Instance.UserId &&
                                      e is DomainValidationException or ConflictException or ForbiddenException or NotFoundException)
            {
                throw new ActivityRefusedException(e);
            }
        }
    }
}
