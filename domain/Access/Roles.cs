namespace Ctms.Domain.Access;

/// <summary>The roles of the process catalogue: the candidate groups of user tasks and the keys of access rules.</summary>
public static class Roles
{
    public const string CtiDirector = "cti-director";
    public const string CtiSecretary = "cti-secretary";
    public const string EcChair = "ec-chair";
    public const string EcMember = "ec-member";
    public const string EcSecretary = "ec-secretary";
    public const string Pi = "pi";
    public const string SubInvestigator = "sub-investigator";
    public const string StudyNurse = "study-nurse";
    public const string Crc = "crc";
    public const string Cra = "cra";
    public const string Pharmacist = "pharmacist";
    public const string FinanceOfficer = "finance-officer";
    public const string QcAuditor = "qc-auditor";
    public const string DataManager = "data-manager";
    public const string DeptHead = "dept-head";
    public const string Applicant = "applicant";
    public const string Inspector = "inspector";
    public const string Admin = "admin";

    /// <summary>Every role, in the catalogue's order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        CtiDirector, CtiSecretary, EcChair, EcMember, EcSecretary, Pi, SubInvestigator, StudyNurse, Crc, Cra,
        Pharmacist, FinanceOfficer, QcAuditor, DataManager, DeptHead, Applicant, Inspector, Admin,
    ];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
