namespace Ctms.Engine.Runtime.State;

/// <summary>A published message that found no subscription yet, kept until it expires.</summary>
public sealed class BufferedMessage
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string CorrelationKey { get; set; } = "";
    public string? MessageId { get; set; }
    public Dictionary<string, object?> Variables { get; set; } = new(StringComparer.Ordinal);
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Null: kept until the store is discarded (simulation default).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
