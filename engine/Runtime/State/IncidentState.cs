namespace Ctms.Engine.Runtime.State;

/// <summary>Why an element cannot go on: a failed job with no retries, an unmatched gateway, a bad expression.</summary>
public sealed class IncidentState
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid ElementInstanceId { get; set; }
    public string ElementId { get; set; } = "";
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
