using Ctms.Domain.Data;
using Ctms.Engine.Runtime.Activities;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Engine;

/// <summary>
/// The host's activities, each run behind a savepoint of the command's transaction: when an activity fails
/// technically, its domain writes (and their audit records) are rolled back before the engine schedules the retry,
/// so a failed attempt leaves nothing half done. A completed activity's writes are saved with the command.
/// </summary>
internal sealed class GuardedActivities(ActivityRegistry registry, CtmsDbContext domain) : IActivityRegistry
{
    public bool IsRegistered(string taskType) => registry.IsRegistered(taskType);

    public IActivityHandler? Find(string taskType) => registry.Find(taskType) is { } handler ? new Guarded(handler, domain) : null;

    private sealed class Guarded(IActivityHandler inner, CtmsDbContext domain) : IActivityHandler
    {
        private const string Savepoint = "activity";

        public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
        {
            var transaction = domain.Database.CurrentTransaction;
            if (transaction is null)
            {
                return await inner.ExecuteAsync(context, ct);
            }
            await domain.SaveChangesAsync(ct);
            await transaction.CreateSavepointAsync(Savepoint, ct);
            try
            {
                var result = await inner.ExecuteAsync(context, ct);
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
    }
}
