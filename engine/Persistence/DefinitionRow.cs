namespace Ctms.Engine.Persistence;

/// <summary>One deployed version of a process: the XML is kept for ever, the model is parsed from it on load.</summary>
internal sealed class DefinitionRow
{
    public string ProcessId { get; set; } = "";
    public int Version { get; set; }
    public string? Name { get; set; }
    public string ResourceName { get; set; } = "";
    public string Xml { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTimeOffset DeployedAt { get; set; }

    /// <summary>
    /// The form versions this version was deployed with, as JSON (<c>{"formId": version}</c>): a user task shows the
    /// version of its form that was current when its definition was deployed, not whatever was deployed since.
    /// </summary>
    public string? FormBindings { get; set; }
}
