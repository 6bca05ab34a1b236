namespace Ctms.Engine.Runtime;

/// <summary>A command the engine refuses (no such task, a version conflict...), with a stable code.</summary>
public sealed class EngineException(string code, string message) : Exception($"{code} {message}")
{
    public string Code { get; } = code;

    public const string NotFound = "ENGINE-0404";
    public const string Conflict = "ENGINE-0409";
    public const string Invalid = "ENGINE-0400";
}
