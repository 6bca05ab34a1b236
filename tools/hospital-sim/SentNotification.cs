namespace Ctms.HospitalSim;

/// <summary>
/// One delivery attempt of a notification: its event id (the same on every retry and redelivery), the attempt number
/// (1 first), the Unix timestamp and signature sent, the body, where it went and what came back (status or error).
/// </summary>
public sealed record SentNotification(
    string EventId,
    int Attempt,
    long Timestamp,
    string Body,
    string Signature,
    string? TargetUrl,
    int? StatusCode,
    string? Error,
    DateTimeOffset SentAt)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}
