namespace Ctms.Engine.Runtime;

/// <summary>A command the engine refuses (no such task, a version conflict, a user who may not act...), with a stable code.</summary>
public sealed class EngineException(string code, string message, bool retryable = false) : Exception($"{code} {message}")
{
    public string Code { get; } = code;

    /// <summary>The command lost a race on its process instance and may be run again from the start.</summary>
    public bool Retryable { get; } = retryable;

    public const string NotFound = "ENGINE-0404";
    public const string Conflict = "ENGINE-0409";
    public const string Invalid = "ENGINE-0400";

    /// <summary>The user may not do this to the task (not a candidate, not its assignee).</summary>
    public const string Forbidden = "ENGINE-0403";
}
