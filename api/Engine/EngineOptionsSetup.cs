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

    /// <summary>How many leased jobs this node runs at once (PostgreSQL; SQLite has one writer, so one).</summary>
    public int JobWorkers { get; set; } = 4;

    /// <summary>How many due jobs one lease takes.</summary>
    public int JobBatch { get; set; } = 64;

    /// <summary>
    /// Assemblies (paths, relative to the working directory) whose <c>[Activity]</c> handlers the host registers beside
    /// its own: a hospital's own activities, or a test's, without rebuilding the host.
    /// </summary>
    public IList<string> ActivityAssemblies { get; } = [];
}
