namespace Ctms.Engine.Runtime;

/// <summary>Limits and defaults of the engine.</summary>
public sealed class EngineOptions
{
    /// <summary>The pause before a failed service task is tried again.</summary>
    public TimeSpan RetryBackoff { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How deep call activities may nest before an incident (stops a process that calls itself for ever).</summary>
    public int MaxCallDepth { get; init; } = 16;

    /// <summary>Flow-node activations one command may make before it stops with an incident (an endless loop).</summary>
    public int MaxActivationsPerCommand { get; init; } = 10_000;

    /// <summary>How long a published message waits for a subscription when the publisher gives no time to live.</summary>
    public TimeSpan? DefaultMessageTimeToLive { get; init; } = TimeSpan.FromHours(1);
}
