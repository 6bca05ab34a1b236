namespace Ctms.Engine.Model;

/// <summary>A task done by a registered activity (service, send and business-rule tasks with <c>zeebe:taskDefinition</c>).</summary>
public sealed class ServiceTaskNode : ActivityNode
{
    internal ServiceTaskNode(string id, string? name, string kind, int line, string taskType, int retries, IReadOnlyDictionary<string, string> headers)
        : base(id, name, kind, line)
    {
        TaskType = taskType;
        Retries = retries;
        Headers = headers;
    }

    /// <summary>The activity type that does the work (<c>zeebe:taskDefinition type</c>).</summary>
    public string TaskType { get; }

    /// <summary>Attempts before an incident (<c>zeebe:taskDefinition retries</c>, default 3).</summary>
    public int Retries { get; }

    /// <summary>Static configuration for the activity (<c>zeebe:taskHeaders</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
