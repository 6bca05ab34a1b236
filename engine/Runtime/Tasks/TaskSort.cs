namespace Ctms.Engine.Runtime.Tasks;

/// <summary>The order of an inbox page. Every order ends with the creation time and the task id, so pages are stable.</summary>
public enum TaskSort
{
    /// <summary>Earliest due date first; tasks without a due date last.</summary>
    DueDate,

    /// <summary>Oldest first: the order in which the work arrived.</summary>
    Created,

    /// <summary>Highest priority first, then by due date (tasks without one last).</summary>
    Priority,
}
