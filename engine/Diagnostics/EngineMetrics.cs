using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ctms.Engine.Runtime.State;

namespace Ctms.Engine.Diagnostics;

/// <summary>
/// The engine's metrics (meter <c>Ctms.Engine</c>) and traces (activity source <c>Ctms.Engine</c>), in the .NET types
/// that OpenTelemetry, <c>dotnet-counters</c> and <c>dotnet-trace</c> read without the engine depending on any of them.
/// Counts are recorded after a command commits, so a command that lost a race and ran again counts once.
/// </summary>
public static class EngineMetrics
{
    public const string Name = "Ctms.Engine";

    /// <summary>One span per engine command (deploy, start, complete task, correlate, job, retry).</summary>
    public static readonly ActivitySource Source = new(Name, "1.0");

    private static readonly Meter Meter = new(Name, "1.0");
    private static readonly Counter<long> Started = Meter.CreateCounter<long>("ctms.engine.instances.started", "{instance}", "Process instances started.");
    private static readonly Counter<long> Ended = Meter.CreateCounter<long>("ctms.engine.instances.ended", "{instance}",
        "Process instances ended, by status (completed, terminated).");
    private static readonly Counter<long> Incidents = Meter.CreateCounter<long>("ctms.engine.incidents", "{incident}", "Incidents raised, by code.");
    private static readonly Counter<long> Jobs = Meter.CreateCounter<long>("ctms.engine.jobs.executed", "{job}", "Jobs run by the job executor, by kind.");
    private static readonly Counter<long> JobFailures = Meter.CreateCounter<long>("ctms.engine.jobs.failed", "{job}",
        "Jobs whose command failed on the database (given back to be tried again), by kind.");
    private static readonly Histogram<double> JobLatency = Meter.CreateHistogram<double>("ctms.engine.jobs.latency", "ms",
        "From a job's due time to the start of its execution.");
    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("ctms.engine.conflicts", "{conflict}",
        "Commands that lost a race on a process instance or task (lease or optimistic-concurrency conflicts) and ran again.");
    private static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>("ctms.engine.commands.duration", "ms",
        "Duration of engine commands, by command.");

    public static void InstanceStarted(string processId) => Started.Add(1, new KeyValuePair<string, object?>("process", processId));

    public static void InstanceEnded(string processId, InstanceStatus status) =>
        Ended.Add(1, new KeyValuePair<string, object?>("process", processId), new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));

    public static void IncidentRaised(string code) => Incidents.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>A job begins: counted, and how late it started after it came due.</summary>
    public static void JobStarted(JobState job, DateTimeOffset now)
    {
        var kind = new KeyValuePair<string, object?>("kind", job.Kind.ToString().ToLowerInvariant());
        Jobs.Add(1, kind);
        JobLatency.Record(Math.Max(0, (now - job.DueAt).TotalMilliseconds), kind);
    }

    public static void JobFailed(JobState job) => JobFailures.Add(1, new KeyValuePair<string, object?>("kind", job.Kind.ToString().ToLowerInvariant()));

    public static void Conflict() => Conflicts.Add(1);

    /// <summary>Starts the span of a command (null when nobody listens) and a timer for its duration.</summary>
    public static CommandScope Command(string command, string? subject = null) => new(command, subject);

    /// <summary>The span and timing of one command: dispose it when the command is over.</summary>
    public readonly struct CommandScope : IDisposable
    {
        private readonly string _command;
        private readonly long _started;
        private readonly Activity? _activity;

        internal CommandScope(string command, string? subject)
        {
            _command = command;
            _started = Stopwatch.GetTimestamp();
            _activity = Source.StartActivity($"engine {command}");
            if (_activity is not null && subject is not null)
            {
                _activity.SetTag("ctms.engine.subject", subject);
            }
        }

        /// <summary>Marks the span failed (an exception left the command).</summary>
        public void Fail(Exception e) => _activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);

        public void Dispose()
        {
            CommandDuration.Record(Stopwatch.GetElapsedTime(_started).TotalMilliseconds, new KeyValuePair<string, object?>("command", _command));
            _activity?.Dispose();
        }
    }
}
