using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Runtime.Tasks;

/// <summary>
/// One page of an inbox: the tasks from <see cref="Offset"/>, and how many match in all, counted exactly up to
/// <see cref="TaskQuery.CountLimit"/> (or to the end of the page, if that is further). Past that the page says "more than
/// <see cref="Total"/>" (<see cref="TotalIsExact"/> false), as an inbox shows "1000+": at a million open tasks, counting
/// every task offered to a busy group reads tens of thousands of rows for a figure nobody reads that far.
/// </summary>
/// <param name="Items">The tasks of this page, in the query's order.</param>
/// <param name="Total">How many open tasks match the query, on every page; when <paramref name="TotalIsExact"/> is false, more than this many do.</param>
/// <param name="TotalIsExact">Whether <paramref name="Total"/> is the exact count (true) or the count limit that the matches exceed (false).</param>
/// <param name="Offset">How many matching tasks come before this page.</param>
/// <param name="Limit">The page size used (the query's, capped at <see cref="TaskQuery.MaxLimit"/>).</param>
public sealed record TaskPage(IReadOnlyList<UserTaskState> Items, int Total, bool TotalIsExact, int Offset, int Limit)
{
    /// <summary>Whether matching tasks follow this page.</summary>
    public bool HasMore => !TotalIsExact || Offset + Items.Count < Total;
}
