namespace Ctms.Domain.People;

public sealed record GcpCertificateDto(Guid Id, string UserName, string Issuer, string CertificateNumber, DateOnly IssuedOn, DateOnly ExpiresOn,
    Guid? ScanFileId, string RecordedBy, DateTimeOffset RecordedAt, DateTimeOffset? MarkedExpiredAt, DateTimeOffset ExpiresAt)
{
    public static GcpCertificateDto From(GcpCertificate c) =>
        new(c.Id, c.UserName, c.Issuer, c.CertificateNumber, c.IssuedOn, c.ExpiresOn, c.ScanFileId, c.RecordedBy, c.RecordedAt, c.MarkedExpiredAt, c.ExpiresAt);
}

public sealed record PersonFileDto(Guid Id, string UserName, PersonFileKind Kind, string FileName, string ContentType, long Size, string Sha256,
    string UploadedBy, DateTimeOffset UploadedAt)
{
    public static PersonFileDto From(PersonFile f) => new(f.Id, f.UserName, f.Kind, f.FileName, f.ContentType, f.Size, f.Sha256, f.UploadedBy, f.UploadedAt);
}

public sealed record InvestigatorProfileDto(string? Title, string? Department, string? Specialty, string? LicenceNumber, string? Phone, DateTimeOffset? UpdatedAt);

/// <summary>One investigator in the CTI office's list: who, their roles and where their GCP qualification stands today.</summary>
public sealed record InvestigatorSummaryDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Department,
    QualificationState State, DateOnly? ExpiresOn);

/// <summary>An investigator's page: profile, certificates (newest first), CVs (latest first; the first is current).</summary>
public sealed record InvestigatorDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, InvestigatorProfileDto Profile,
    QualificationState State, IReadOnlyList<GcpCertificateDto> Certificates, IReadOnlyList<PersonFileDto> Cvs);

/// <summary>Someone on a project as pi or sub-investigator whose certificate has expired, expires soon, or is missing.</summary>
public sealed record QualificationWarningDto(string UserName, string Role, Guid ProjectId, string ProtocolNumber, string ProjectTitle,
    QualificationState State, string? CertificateNumber, DateOnly? ExpiresOn);

public sealed record CrcApplicationDto(Guid Id, string FullName, string Email, string? Phone, string SmoCompany, string? WishedProjects,
    CrcApplicationStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason, string? UserName)
{
    public static CrcApplicationDto From(CrcApplication a) =>
        new(a.Id, a.FullName, a.Email, a.Phone, a.SmoCompany, a.WishedProjects, a.Status, a.SubmittedAt, a.DecidedAt, a.DecidedBy, a.Reason, a.UserName);
}

/// <summary>
/// What approving a CRC application made: the account and its one-time password (shown once to the CTI secretary who
/// approved it, and mailed to the CRC; never logged, never a process variable), and the project proposed for them.
/// </summary>
public sealed record CrcApprovalDto(Guid ApplicationId, string UserName, string OneTimePassword, Guid? ProjectId, string? PiUserName)
{
    /// <summary>Keeps the password out of logs and exception messages that print the record.</summary>
    public override string ToString() => $"CrcApprovalDto {{ ApplicationId = {ApplicationId}, UserName = {UserName}, ProjectId = {ProjectId} }}";
}

public sealed record CrcAssignmentDto(Guid MembershipId, Guid ProjectId, string ProtocolNumber, string ProjectTitle, DateTimeOffset Since,
    DateTimeOffset? Until);

/// <summary>A CRC's workload: their active assignments and how many projects that is.</summary>
public sealed record CrcWorkloadDto(string UserName, string DisplayName, int ActiveProjects, IReadOnlyList<CrcAssignmentDto> Assignments);
