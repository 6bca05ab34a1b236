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
    public const string KickOffManage = "kickoff.manage";
    public const string KickOffSignOff = "kickoff.signoff";
    public const string KickOffConfirmAttendance = "kickoff.attendance.confirm";
    public const string CloseoutManage = "closeout.manage";
    public const string CloseoutReport = "closeout.report";
    public const string CloseoutApprove = "closeout.approve";
}
