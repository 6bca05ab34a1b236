namespace Ctms.Engine.Runtime;

/// <summary>A command the engine refuses (no such task, a version conflict, a user who may not act...), with a stable code.</summary>
public sealed class EngineException(string code, string message) : Exception($"{code} {message}")
{
    public string Code { get; } = code;

    public const string NotFound = "ENGINE-0404";
    public const string Conflict = "ENGINE-0409";
    public const string Invalid = "ENGINE-0400";

    /// <summary>The user may not do this to the task (not a candidate, not its assignee).</summary>
    public const string Forbidden = "ENGINE-0403";
}
