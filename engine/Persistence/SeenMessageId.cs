namespace Ctms.Engine.Persistence;

/// <summary>A message id already published, kept until it expires, so a repeat is dropped.</summary>
internal sealed class SeenMessageId
{
    public string MessageId { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
