namespace Ctms.Domain.Contracts;

/// <summary>A reviewer's decision on a contract round or an amendment.</summary>
public enum ReviewDecision
{
    Approve,
    RequestChanges,
}
