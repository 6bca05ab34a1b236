namespace Ctms.Domain.People;

/// <summary>
/// The approvals made in the current scope (one command): the approve endpoint and page show the one-time password to
/// the CTI secretary once from here, so that it never becomes a process variable, a log line or a history row.
/// </summary>
public sealed class CrcApprovals
{
    public CrcApprovalDto? Last { get; set; }
}
