namespace Ctms.Engine.Persistence;

/// <summary>One deployed version of a task form (form-js JSON), kept for ever like a process version.</summary>
public sealed class FormRow
{
    public string FormId { get; set; } = "";
    public int Version { get; set; }
    public string ResourceName { get; set; } = "";
    public string Json { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset DeployedAt { get; set; }
}
