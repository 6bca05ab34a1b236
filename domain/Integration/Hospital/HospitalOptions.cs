namespace Ctms.Domain.Integration.Hospital;

/// <summary>How the CTMS reaches the hospital (configuration section <c>Integration:Hospital</c>).</summary>
public sealed class HospitalOptions
{
    public const string Section = "Integration:Hospital";

    /// <summary>The FHIR R4 base URL of the hospital's interface engine, ending with a slash. Empty: no hospital configured.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The secret the hospital signs its notifications with (HMAC-SHA256).</summary>
    public string? NotificationSecret { get; set; }

    /// <summary>How far a notification's timestamp may be from the CTMS's clock before it is refused as a replay.</summary>
    public TimeSpan NotificationTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One attempt's timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole call's timeout, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a failed attempt (5xx, 408, 429, a network error, a timeout), with exponential backoff and jitter.</summary>
    public int RetryCount { get; set; } = 3;

    /// <summary>The first retry's delay; each next one doubles.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The circuit opens when this share of the calls in <see cref="BreakerSamplingDuration"/> failed...</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>...and at least this many calls were made in it.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit refuses calls at once before trying again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => Uri.TryCreate(BaseUrl, UriKind.Absolute, out _);
}
