namespace Ctms.Domain.Subjects.Protocol;

/// <summary>One condition of the go-live check (O05): its code, whether it holds, and why, in words the CTI office reads.</summary>
public sealed record GoLiveCondition(string Code, bool Holds, string Detail);

/// <summary>
/// A part of the go-live check (O05): every pre-configuration step must be complete and approved before the first
/// subject. Each part of the subjects module (the protocol, the randomization) contributes its own conditions; the check
/// passes when all hold. Registered as scoped services; the check asks every one.
/// </summary>
public interface IGoLiveCheck
{
    Task<IReadOnlyList<GoLiveCondition>> EvaluateAsync(Guid projectId, DateTimeOffset at, CancellationToken ct);
}
