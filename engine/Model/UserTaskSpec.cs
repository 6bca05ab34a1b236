namespace Ctms.Engine.Model;

/// <summary>The Zeebe extensions of a user task: who, when, how urgent, and with which form.</summary>
public sealed record UserTaskSpec(
    EngineExpression? Assignee,
    EngineExpression? CandidateGroups,
    EngineExpression? CandidateUsers,
    EngineExpression? DueDate,
    EngineExpression? FollowUpDate,
    EngineExpression? Priority,
    string? FormId);
