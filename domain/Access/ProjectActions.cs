namespace Ctms.Domain.Access;

/// <summary>The actions the access rules name. A module adds its own as it arrives.</summary>
public static class ProjectActions
{
    public const string Create = "project.create";
    public const string Read = "project.read";
    public const string Update = "project.update";
    public const string ManageMembers = "project.members.manage";
    public const string ReadSubjects = "subject.read";
    public const string WriteSubjects = "subject.write";
    public const string ReadAudit = "audit.read";

    /// <summary>People (A04, A05): investigators' qualifications, CRC applications and the CRCs' workload; a global permission.</summary>
    public const string ManagePeople = "people.manage";
    public const string UploadDocuments = "document.upload";
    public const string AnnotateDocuments = "document.annotate";

    // The approval flow (P01-P04, A06).
    public const string Submit = "project.submit";
    public const string Review = "project.review";
    public const string ConfirmDepartment = "project.confirm.department";
    public const string ConfirmPi = "project.confirm.pi";
    public const string Approve = "project.approve";
    public const string Withdraw = "project.withdraw";
    public const string KickOffManage = "kickoff.manage";
    public const string KickOffSignOff = "kickoff.signoff";
    public const string KickOffConfirmAttendance = "kickoff.attendance.confirm";
    public const string CloseoutManage = "closeout.manage";
    public const string CloseoutReport = "closeout.report";
    public const string CloseoutApprove = "closeout.approve";
    public const string ReadContract = "contract.read";
    public const string EditContract = "contract.edit";
    public const string ReviewContract = "contract.review";
    public const string SignContract = "contract.sign";
}
