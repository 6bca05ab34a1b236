namespace Ctms.Api.Engine;

/// <summary>The host's engine settings (<c>Engine:*</c>).</summary>
internal sealed class EngineHostOptions
{
    /// <summary>Where the SOP definitions deployed at start-up are (<c>process-definitions/</c> of the repository by default).</summary>
    public string? DefinitionsPath { get; set; }

    /// <summary>How often the job executor looks for due timers and retries.</summary>
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a node holds a leased job before another node may take it over.</summary>
    public TimeSpan JobLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this node runs the job executor.</summary>
    public bool RunJobs { get; set; } = true;
}
