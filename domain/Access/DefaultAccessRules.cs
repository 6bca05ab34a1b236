namespace Ctms.Domain.Access;

/// <summary>
/// The access matrix a new installation starts with, seeded by migration into the <c>access_rules</c> table.
/// The CTI office's global roles see every project; everyone else reaches a project only through a
/// membership on it, so a CRC or an inspector sees the projects and the period they were granted.
/// </summary>
public static class DefaultAccessRules
{
    public static IReadOnlyList<AccessRule> All { get; } = Build();

    private static List<AccessRule> Build()
    {
        var rules = new List<AccessRule>();
        void Grant(AccessScope scope, string role, params string[] actions)
        {
            foreach (var action in actions)
            {
                rules.Add(new AccessRule(rules.Count + 1, role, action, scope));
            }
        }

        const AccessScope all = AccessScope.AllProjects, project = AccessScope.Project;
        string[] office = [ProjectActions.Create, ProjectActions.Read, ProjectActions.Update, ProjectActions.ManageMembers];

        Grant(all, Roles.Admin, [.. office, ProjectActions.ReadAudit]);
        Grant(all, Roles.CtiDirector, [.. office, ProjectActions.ReadAudit]);
        Grant(all, Roles.CtiSecretary, office);
        Grant(all, Roles.QcAuditor, ProjectActions.Read, ProjectActions.ReadSubjects, ProjectActions.ReadAudit);
        Grant(all, Roles.FinanceOfficer, ProjectActions.Read);
        Grant(all, Roles.Pharmacist, ProjectActions.Read);
        // The ethics committee sees a project once the CTI director approved it for review (P04), not the applications.
        const AccessScope approved = AccessScope.ApprovedProjects;
        Grant(approved, Roles.EcSecretary, ProjectActions.Read);
        Grant(approved, Roles.EcChair, ProjectActions.Read);
        Grant(approved, Roles.EcMember, ProjectActions.Read);
        // Applicants (sponsors, or PIs for their own studies) apply remotely; they see what they applied for through
        // the applicant membership the application gives them.
        Grant(all, Roles.Applicant, ProjectActions.Create);

        Grant(project, Roles.Pi, ProjectActions.Read, ProjectActions.Update, ProjectActions.ManageMembers,
            ProjectActions.ReadSubjects, ProjectActions.WriteSubjects, ProjectActions.ReadAudit);
        Grant(project, Roles.SubInvestigator, ProjectActions.Read, ProjectActions.ReadSubjects, ProjectActions.WriteSubjects);
        Grant(project, Roles.StudyNurse, ProjectActions.Read, ProjectActions.ReadSubjects, ProjectActions.WriteSubjects);
        Grant(project, Roles.Crc, ProjectActions.Read, ProjectActions.ReadSubjects, ProjectActions.WriteSubjects);
        Grant(project, Roles.Cra, ProjectActions.Read, ProjectActions.ReadSubjects);
        Grant(project, Roles.DataManager, ProjectActions.Read, ProjectActions.ReadSubjects);
        Grant(project, Roles.Inspector, ProjectActions.Read, ProjectActions.ReadSubjects, ProjectActions.ReadAudit);
        Grant(project, Roles.Applicant, ProjectActions.Read);
        Grant(project, Roles.DeptHead, ProjectActions.Read);
        Grant(project, Roles.EcMember, ProjectActions.Read);
        Grant(project, Roles.Pharmacist, ProjectActions.ReadSubjects);

        // People (A04, A05): the CTI office verifies investigators' qualifications and registers and assigns CRCs.
        Grant(all, Roles.Admin, ProjectActions.ManagePeople);
        Grant(all, Roles.CtiDirector, ProjectActions.ManagePeople);
        Grant(all, Roles.CtiSecretary, ProjectActions.ManagePeople);
        // Documents: the CTI office uploads and annotates on every project; the applicant and the PI upload to their own
        // (and only while it is editable, which the upload checks); reading needs only project.read.
        Grant(all, Roles.Admin, ProjectActions.UploadDocuments, ProjectActions.AnnotateDocuments);
        Grant(all, Roles.CtiDirector, ProjectActions.UploadDocuments, ProjectActions.AnnotateDocuments);
        Grant(all, Roles.CtiSecretary, ProjectActions.UploadDocuments, ProjectActions.AnnotateDocuments);
        Grant(project, Roles.Applicant, ProjectActions.UploadDocuments);
        Grant(project, Roles.Pi, ProjectActions.UploadDocuments);

        // Approval flow (P01-P04, A06): the applicant and the PI submit their own application; the CTI secretary reviews
        // it; any department head confirms (the CTI office routes the task to the study's department); the PI confirms
        // their own study; only the CTI director approves, rejects and numbers. Administrators act for the office.
        Grant(project, Roles.Applicant, ProjectActions.Submit, ProjectActions.Withdraw);
        Grant(project, Roles.Pi, ProjectActions.Submit, ProjectActions.ConfirmPi);
        Grant(all, Roles.CtiSecretary, ProjectActions.Submit, ProjectActions.Review, ProjectActions.Withdraw);
        Grant(all, Roles.Admin, ProjectActions.Submit, ProjectActions.Review, ProjectActions.Withdraw);
        Grant(all, Roles.DeptHead, ProjectActions.ConfirmDepartment);
        Grant(all, Roles.CtiDirector, ProjectActions.Approve, ProjectActions.Withdraw);
        // Kick-off and close-out (P12, P13): the CTI office plans the meeting, records minutes and training and runs the
        // closure checks; the project's PI signs the kick-off off and submits the summary report; the team (and the
        // sponsor's CRA) confirm their attendance; the CTI director approves the archiving.
        Grant(all, Roles.Admin, ProjectActions.KickOffManage, ProjectActions.CloseoutManage, ProjectActions.CloseoutApprove);
        Grant(all, Roles.CtiDirector, ProjectActions.KickOffManage, ProjectActions.CloseoutManage, ProjectActions.CloseoutApprove);
        Grant(all, Roles.CtiSecretary, ProjectActions.KickOffManage, ProjectActions.CloseoutManage);
        Grant(project, Roles.Pi, ProjectActions.KickOffSignOff, ProjectActions.KickOffConfirmAttendance, ProjectActions.CloseoutReport);
        Grant(project, Roles.SubInvestigator, ProjectActions.KickOffConfirmAttendance);
        Grant(project, Roles.StudyNurse, ProjectActions.KickOffConfirmAttendance);
        Grant(project, Roles.Crc, ProjectActions.KickOffConfirmAttendance);
        Grant(project, Roles.Cra, ProjectActions.KickOffConfirmAttendance);
        // Contracts and budgets (P10, P11, A07): the CTI office drafts and reviews, finance reviews, the CTI director signs
        // for the hospital; on their own project the PI reviews and signs, the applicant signs for the sponsor. Which
        // party a signer may sign for, and which reviewer role a user acts in, the Contracts module checks on top.
        Grant(all, Roles.Admin, ProjectActions.ReadContract, ProjectActions.EditContract);
        Grant(all, Roles.CtiSecretary, ProjectActions.ReadContract, ProjectActions.EditContract, ProjectActions.ReviewContract);
        Grant(all, Roles.CtiDirector, ProjectActions.ReadContract, ProjectActions.EditContract, ProjectActions.ReviewContract, ProjectActions.SignContract);
        Grant(all, Roles.FinanceOfficer, ProjectActions.ReadContract, ProjectActions.ReviewContract);
        Grant(project, Roles.Pi, ProjectActions.ReadContract, ProjectActions.ReviewContract, ProjectActions.SignContract);
        Grant(project, Roles.Applicant, ProjectActions.ReadContract, ProjectActions.SignContract);

        // The ethics committee: the EC office works on every project it may see (approved ones); the applicant and the PI
        // submit and follow their own project's reviews; the CTI director may suspend or terminate a study too.
        Grant(all, Roles.Admin, ProjectActions.EthicsManageCommittees, ProjectActions.EthicsRead, ProjectActions.EthicsAdminister);
        Grant(all, Roles.EcSecretary, ProjectActions.EthicsManageCommittees);
        Grant(approved, Roles.EcSecretary, ProjectActions.EthicsRead, ProjectActions.EthicsAdminister, ProjectActions.EthicsSubmit);
        Grant(approved, Roles.EcMember, ProjectActions.EthicsRead, ProjectActions.EthicsVote);
        Grant(approved, Roles.EcChair, ProjectActions.EthicsRead, ProjectActions.EthicsVote, ProjectActions.EthicsDecide, ProjectActions.EthicsSuspend);
        Grant(all, Roles.CtiDirector, ProjectActions.EthicsRead, ProjectActions.EthicsSuspend);
        Grant(project, Roles.Applicant, ProjectActions.EthicsRead, ProjectActions.EthicsSubmit);
        Grant(project, Roles.Pi, ProjectActions.EthicsRead, ProjectActions.EthicsSubmit);
        Grant(project, Roles.SubInvestigator, ProjectActions.EthicsRead);
        // Hospital integration (issue 8): the study team finds and registers patients and reads their records at the hospital;
        // investigators order; the CTI office and the administrators run the integration.
        Grant(project, Roles.Pi, ProjectActions.HospitalSearch, ProjectActions.HospitalRead, ProjectActions.HospitalOrder);
        Grant(project, Roles.SubInvestigator, ProjectActions.HospitalSearch, ProjectActions.HospitalRead, ProjectActions.HospitalOrder);
        Grant(project, Roles.StudyNurse, ProjectActions.HospitalSearch, ProjectActions.HospitalRead);
        Grant(project, Roles.Crc, ProjectActions.HospitalSearch, ProjectActions.HospitalRead);
        Grant(project, Roles.Cra, ProjectActions.HospitalRead);
        Grant(all, Roles.Admin, ProjectActions.IntegrationAdminister);
        Grant(all, Roles.CtiDirector, ProjectActions.IntegrationAdminister);
        Grant(all, Roles.CtiSecretary, ProjectActions.IntegrationAdminister);
        // Subjects (issue 9): the PI and the data manager configure the protocol, the CTI office checks the go-live; the
        // investigators consent, screen, randomize and sign; nurses and CRCs run visits and enter data; monitors and data
        // managers query; only the PI enrolls and breaks the blind. Who sees an arm is not an action: the blinding decides.
        Grant(project, Roles.Pi, ProjectActions.SubjectsConfigure, ProjectActions.SubjectsConsent, ProjectActions.SubjectsScreen,
            ProjectActions.SubjectsEnroll, ProjectActions.SubjectsRandomize, ProjectActions.SubjectsUnblind, ProjectActions.SubjectsVisit,
            ProjectActions.SubjectsChangeStatus, ProjectActions.EcrfEnter, ProjectActions.EcrfSignOff, ProjectActions.SafetyReport,
            ProjectActions.SubjectsExport);
        Grant(project, Roles.SubInvestigator, ProjectActions.SubjectsConsent, ProjectActions.SubjectsScreen, ProjectActions.SubjectsRandomize,
            ProjectActions.SubjectsVisit, ProjectActions.SubjectsChangeStatus, ProjectActions.EcrfEnter, ProjectActions.EcrfSignOff,
            ProjectActions.SafetyReport);
        Grant(project, Roles.StudyNurse, ProjectActions.SubjectsScreen, ProjectActions.SubjectsVisit, ProjectActions.EcrfEnter);
        Grant(project, Roles.Crc, ProjectActions.SubjectsVisit, ProjectActions.EcrfEnter);
        Grant(project, Roles.Cra, ProjectActions.EcrfQuery);
        Grant(project, Roles.DataManager, ProjectActions.SubjectsConfigure, ProjectActions.EcrfQuery, ProjectActions.SubjectsExport);
        Grant(all, Roles.Admin, ProjectActions.SubjectsGoLive, ProjectActions.SubjectsExport);
        Grant(all, Roles.CtiDirector, ProjectActions.SubjectsGoLive, ProjectActions.ReadSubjects);
        Grant(all, Roles.CtiSecretary, ProjectActions.SubjectsGoLive, ProjectActions.ReadSubjects);

        // Subjects, part RANDOM: the statistician's export of a concealed list, for the CTI director and administrators only.
        Grant(all, Roles.Admin, ProjectActions.RandomizationListExport);
        Grant(all, Roles.CtiDirector, ProjectActions.RandomizationListExport);

        // Investigational product (issue 10): the pharmacy holds the stock of every trial, the investigators prescribe, the
        // team and the monitors follow the accountability, a monitor or a QC auditor witnesses a destruction. A pharmacist of the
        // central pharmacy sees the subjects of a prescription by their label, not their records (no global subject.read).
        Grant(all, Roles.Pharmacist, ProjectActions.PharmacyRead, ProjectActions.PharmacyStock, ProjectActions.PharmacyWitness,
            ProjectActions.PharmacyLocations);
        Grant(all, Roles.Admin, ProjectActions.PharmacyLocations);
        Grant(all, Roles.QcAuditor, ProjectActions.PharmacyRead, ProjectActions.PharmacyWitness);
        Grant(all, Roles.CtiDirector, ProjectActions.PharmacyRead);
        Grant(project, Roles.Pharmacist, ProjectActions.PharmacyRead, ProjectActions.PharmacyStock, ProjectActions.PharmacyWitness);
        Grant(project, Roles.Pi, ProjectActions.PharmacyRead, ProjectActions.PharmacyPrescribe);
        Grant(project, Roles.SubInvestigator, ProjectActions.PharmacyRead, ProjectActions.PharmacyPrescribe);
        Grant(project, Roles.StudyNurse, ProjectActions.PharmacyRead);
        Grant(project, Roles.Crc, ProjectActions.PharmacyRead);
        Grant(project, Roles.Cra, ProjectActions.PharmacyRead, ProjectActions.PharmacyWitness);
        Grant(project, Roles.Inspector, ProjectActions.PharmacyRead);
        Grant(all, Roles.Pharmacist, ProjectActions.PharmacyReturn);
        Grant(project, Roles.Pharmacist, ProjectActions.PharmacyReturn);
        Grant(project, Roles.StudyNurse, ProjectActions.PharmacyReturn);

        return rules;
    }
}
