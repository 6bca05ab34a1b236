using Ctms.Domain.Audit;

namespace Ctms.Domain.People;

/// <summary>
/// An external clinical research coordinator's (an SMO's employee's) application to work at the hospital (A05): sent
/// anonymously, so nothing of it is a user until the CTI office approves it.
/// </summary>
public sealed class CrcApplication : IAudited
{
    public const int NameMax = 200;
    public const int EmailMax = 256;
    public const int PhoneMax = 50;
    public const int WishedMax = 1000;
    public const int ReasonMax = 1000;

    private CrcApplication() { }

    public CrcApplication(string fullName, string email, string? phone, string smoCompany, string? wishedProjects, DateTimeOffset submittedAt)
    {
        Id = Guid.CreateVersion7();
        FullName = fullName;
        Email = email;
        Phone = phone;
        SmoCompany = smoCompany;
        WishedProjects = wishedProjects;
        Status = CrcApplicationStatus.Pending;
        SubmittedAt = submittedAt;
    }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string? Phone { get; private set; }

    /// <summary>The site management organisation that employs the CRC.</summary>
    public string SmoCompany { get; private set; } = "";

    /// <summary>The projects the CRC wishes to work on, as they wrote them (protocol numbers, titles).</summary>
    public string? WishedProjects { get; private set; }

    public CrcApplicationStatus Status { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedBy { get; private set; }

    /// <summary>Why it was rejected.</summary>
    public string? Reason { get; private set; }

    /// <summary>The account the approval created.</summary>
    public string? UserName { get; private set; }

    public void Approve(string userName, string decidedBy, DateTimeOffset at)
    {
        EnsurePending();
        Status = CrcApplicationStatus.Approved;
        UserName = userName;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }

    public void Reject(string reason, string decidedBy, DateTimeOffset at)
    {
        EnsurePending();
        Status = CrcApplicationStatus.Rejected;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAt = at;
    }

    private void EnsurePending()
    {
        if (Status != CrcApplicationStatus.Pending)
        {
            throw new Common.ConflictException($"The application was already {Status.ToString().ToLowerInvariant()}.");
        }
    }
}

public enum CrcApplicationStatus
{
    Pending,
    Approved,
    Rejected,
}
