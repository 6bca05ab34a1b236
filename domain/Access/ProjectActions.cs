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
    public const string ReadContract = "contract.read";
    public const string EditContract = "contract.edit";
    public const string ReviewContract = "contract.review";
    public const string SignContract = "contract.sign";
}
