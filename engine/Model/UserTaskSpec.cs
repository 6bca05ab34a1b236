namespace Ctms.Engine.Model;

/// <summary>The Zeebe extensions of a user task: who, when, how urgent, and with which form.</summary>
public sealed record UserTaskSpec(
    EngineExpression? Assignee,
    EngineExpression? CandidateGroups,
    EngineExpression? CandidateUsers,
    EngineExpression? DueDate,
    EngineExpression? FollowUpDate,
    EngineExpression? Priority,
    string? FormId)
{
    /// <summary>
    /// Static configuration of the task (<c>zeebe:taskHeaders</c>), read by the host: for instance the meaning of the
    /// electronic signature the task's completion needs.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
