namespace Ctms.Domain.Subjects.Safety;

/// <summary>The investigator's judgement of whether the study treatment caused the event (ICH E2A).</summary>
public enum Causality
{
    Unrelated,
    Unlikely,
    Possible,
    Probable,
    Definite,
}

/// <summary>Where the event stands: ongoing until it resolves one way or the other.</summary>
public enum AdverseEventOutcome
{
    Ongoing,
    Recovered,
    RecoveredWithSequelae,
    Fatal,
    Unknown,
}

/// <summary>The reports of an SAE: the initial one within 24 hours, follow-ups as news arrives, a final one that closes it.</summary>
public enum SaeReportKind
{
    Initial,
    FollowUp,
    Final,
}

/// <summary>The words of AE recording: CTCAE grades, the seriousness criteria of ICH E2A and the reporting clock.</summary>
public static class AdverseEventTerms
{
    public const int MinGrade = 1;
    public const int MaxGrade = 5;

    /// <summary>The hours an investigator has to report an SAE from the moment they learn of it.</summary>
    public static readonly TimeSpan ReportingWindow = TimeSpan.FromHours(24);

    /// <summary>Reminders before the deadline: at 12 h and at 20 h after the investigator learned of the SAE.</summary>
    public static readonly IReadOnlyList<TimeSpan> Reminders = [TimeSpan.FromHours(12), TimeSpan.FromHours(20)];

    /// <summary>What makes an event serious (ICH E2A), by code.</summary>
    public static readonly IReadOnlyList<string> SeriousCriteria =
        ["death", "life-threatening", "hospitalization", "disability", "congenital-anomaly", "important-medical-event"];

    /// <summary>Outcomes that close the event's follow-up.</summary>
    public static bool IsResolved(AdverseEventOutcome outcome) => outcome is not (AdverseEventOutcome.Ongoing or AdverseEventOutcome.Unknown);

    public static bool TryParse<T>(string? value, out T parsed) where T : struct, Enum =>
        Enum.TryParse(value, ignoreCase: false, out parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    /// <summary>A value the command's validation already accepted.</summary>
    public static T Parse<T>(string? value) where T : struct, Enum =>
        TryParse<T>(value, out var parsed) ? parsed : throw new InvalidOperationException($"'{value}' is not a {typeof(T).Name}; validation should have refused it.");

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
