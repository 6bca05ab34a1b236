namespace Ctms.Engine.Runtime.Activities;

/// <summary>
/// Names the service-task type an <see cref="IActivityHandler"/> does, with what the designer's palette shows:
/// category, description, and the variables it reads and writes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>The <c>zeebe:taskDefinition type</c> this activity serves, e.g. <c>randomize-subject</c>.</summary>
    public string Type { get; } = type;

    public string Category { get; init; } = "General";

    public string Description { get; init; } = "";

    /// <summary>Variables the activity reads, as "name: meaning".</summary>
    public string[] Inputs { get; init; } = [];

    /// <summary>Variables the activity writes, as "name: meaning".</summary>
    public string[] Outputs { get; init; } = [];
}
