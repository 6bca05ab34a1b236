using Ctms.Engine.Runtime.State;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Engine.Persistence;

/// <summary>
/// The engine's tables, in the same database as the host's domain (its own migrations and history table). A
/// command can share the domain's connection and transaction, so that activities' writes and the engine's state
/// commit together. The provider subclasses keep each provider's migrations apart.
/// </summary>
public abstract class EngineDbContext : DbContext
{
    protected EngineDbContext(DbContextOptions options) : base(options)
    {
        // A failed save fails the whole command, whose transaction is rolled back and run again from the start: a
        // savepoint around each save (EF's default inside a transaction) would only cost a round trip.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>The engine's own migrations history table, apart from the domain's.</summary>
    public const string MigrationsTable = "__engine_migrations";

    internal DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<ProcessInstanceState> Instances => Set<ProcessInstanceState>();
    public DbSet<UserTaskState> Tasks => Set<UserTaskState>();
    public DbSet<JobState> Jobs => Set<JobState>();
    public DbSet<MessageSubscriptionState> Subscriptions => Set<MessageSubscriptionState>();
    public DbSet<BufferedMessage> Messages => Set<BufferedMessage>();
    internal DbSet<SeenMessageId> MessageIds => Set<SeenMessageId>();
    public DbSet<IncidentState> Incidents => Set<IncidentState>();
    internal DbSet<HistoryRow> History => Set<HistoryRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDbContext).Assembly, t => t.Namespace == typeof(EngineDbContext).Namespace);

    /// <summary>Whether this provider can lease jobs with <c>FOR UPDATE SKIP LOCKED</c> (several nodes).</summary>
    internal abstract bool SupportsSkipLocked { get; }

    /// <summary>
    /// Appends a command's history rows in the current transaction, if the provider has a faster way than change
    /// tracking (history is append-only and never read back by the command that writes it); false when it has not,
    /// and the store adds the rows to the context instead.
    /// </summary>
    internal virtual Task<bool> BulkInsertHistoryAsync(IReadOnlyList<HistoryRow> rows, CancellationToken ct) => Task.FromResult(false);
}
