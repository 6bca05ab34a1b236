namespace Ctms.HospitalSim;

/// <summary>
/// How a simulated hospital is generated and served. Two simulators with the same options hold the same data and
/// answer the same searches with the same bundles (server times aside).
/// </summary>
public sealed record HospitalSimOptions
{
    /// <summary>The seed every generated patient, result and dictionary entry derives from.</summary>
    public int Seed { get; init; } = 20261127;

    public int PatientCount { get; init; } = 200;

    /// <summary>The loopback port to listen on; 0 takes a free one.</summary>
    public int Port { get; init; }

    /// <summary>The shared secret notifications are signed with (HMAC-SHA256).</summary>
    public string NotificationSecret { get; init; } = "sim-secret";

    /// <summary>Where notifications are posted; may also be set later on the simulator.</summary>
    public string? NotificationUrl { get; init; }

    /// <summary>How long an order waits before its result is created and notified.</summary>
    public TimeSpan ResultDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int Departments { get; init; } = 40;

    public int Staff { get; init; } = 300;

    public int Drugs { get; init; } = 1000;

    public int LabItems { get; init; } = 200;

    public int ExamItems { get; init; } = 100;

    /// <summary>The base of every generated date and of the dictionaries' <c>meta.lastUpdated</c>.</summary>
    public DateTimeOffset Epoch { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
