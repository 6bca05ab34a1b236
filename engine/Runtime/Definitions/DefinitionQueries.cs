using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Definitions;

/// <summary>
/// The designer's list of definitions as LINQ, shared by the stores (as <c>TaskQueries</c> is): EF Core translates it
/// to one grouped SQL query on SQLite and PostgreSQL, the in-memory store runs it over its objects.
/// </summary>
internal static class DefinitionQueries
{
    /// <summary>
    /// Running instances per process version, in one grouped query: only the (ProcessId, Status) index and the
    /// version column are read, never an instance's state document.
    /// </summary>
    public static IQueryable<RunningInstanceCount> RunningCounts(this IQueryable<ProcessInstanceState> instances) =>
        instances.Where(i => i.Status == InstanceStatus.Active)
            .GroupBy(i => new { i.ProcessId, i.DefinitionVersion })
            .Select(g => new RunningInstanceCount(g.Key.ProcessId, g.Key.DefinitionVersion, g.Count()));
}
