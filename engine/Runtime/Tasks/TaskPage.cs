using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Tasks;

/// <summary>One page of an inbox: the tasks from <see cref="Offset"/>, and how many match in all.</summary>
/// <param name="Items">The tasks of this page, in the query's order.</param>
/// <param name="Total">How many open tasks match the query, on every page.</param>
/// <param name="Offset">How many matching tasks come before this page.</param>
/// <param name="Limit">The page size used (the query's, capped at <see cref="TaskQuery.MaxLimit"/>).</param>
public sealed record TaskPage(IReadOnlyList<UserTaskState> Items, int Total, int Offset, int Limit)
{
    /// <summary>Whether matching tasks follow this page.</summary>
    public bool HasMore => Offset + Items.Count < Total;
}
