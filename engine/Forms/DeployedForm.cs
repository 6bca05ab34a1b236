namespace Ctms.Engine.Forms;

/// <summary>One deployed version of a task form: its form-js JSON and the hash of that JSON.</summary>
public sealed record DeployedForm(string FormId, int Version, string Json, string Hash);
