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

    // The ethics committee (P05-P09, P14, A01-A03, A08).
    /// <summary>Committees, their members and their conflicts of interest; a global permission.</summary>
    public const string EthicsManageCommittees = "ethics.committees.manage";
    /// <summary>Submit a review (application, amendment, yearly report, SAE or deviation report) for a project.</summary>
    public const string EthicsSubmit = "ethics.submit";
    /// <summary>Read a project's reviews, decisions and letters.</summary>
    public const string EthicsRead = "ethics.read";
    /// <summary>The EC office's work on reviews: formal review, reviewer assignment, agendas, meetings, minutes, letters.</summary>
    public const string EthicsAdminister = "ethics.administer";
    /// <summary>Give a primary reviewer's opinion, vote in a meeting.</summary>
    public const string EthicsVote = "ethics.vote";
    /// <summary>Sign the committee's decision.</summary>
    public const string EthicsDecide = "ethics.decide";
    /// <summary>Suspend, terminate or resume a study (A08).</summary>
    public const string EthicsSuspend = "ethics.suspend";

    // Hospital integration (issue 8).
    /// <summary>Search the hospital's patients and register one with a project (recruitment); project-scoped.</summary>
    public const string HospitalSearch = "hospital.search";
    /// <summary>Read a registered patient's encounters, lab results and exam reports from the hospital; project-scoped.</summary>
    public const string HospitalRead = "hospital.read";
    /// <summary>Place an order at the hospital paid by the trial; project-scoped.</summary>
    public const string HospitalOrder = "hospital.order";
    /// <summary>The integration's operation: alerts, dictionary synchronisation, bulk imports; a global permission.</summary>
    public const string IntegrationAdminister = "integration.administer";

    // Subjects (issue 9, O01-O17). Reading subjects is subject.read; what a role may see of an allocation is the blinding's.
    /// <summary>Configure the protocol: arms, visits, e-CRF pages, criteria, numbering, randomization (O02-O04).</summary>
    public const string SubjectsConfigure = "subjects.configure";
    /// <summary>Run the go-live check (O05); a global permission of the CTI office.</summary>
    public const string SubjectsGoLive = "subjects.golive";
    /// <summary>Record an informed consent (O07).</summary>
    public const string SubjectsConsent = "subjects.consent";
    /// <summary>Start screening, enter screening data, assess eligibility, record a screen failure (O08).</summary>
    public const string SubjectsScreen = "subjects.screen";
    /// <summary>Enroll a subject (O09).</summary>
    public const string SubjectsEnroll = "subjects.enroll";
    /// <summary>Randomize a subject (O10).</summary>
    public const string SubjectsRandomize = "subjects.randomize";
    /// <summary>Break the blind for one subject in an emergency (O10); the PI only, signed.</summary>
    public const string SubjectsUnblind = "subjects.unblind";
    /// <summary>Record visits, admissions and discharges (O11, O17).</summary>
    public const string SubjectsVisit = "subjects.visit";
    /// <summary>Change a subject's status or arm (O16, O17).</summary>
    public const string SubjectsChangeStatus = "subjects.status";
    /// <summary>Enter and correct e-CRF data, answer queries (O13).</summary>
    public const string EcrfEnter = "ecrf.enter";
    /// <summary>Raise and close queries (O13): the monitor and the data manager.</summary>
    public const string EcrfQuery = "ecrf.query";
    /// <summary>Sign off e-CRF pages as investigator (O13).</summary>
    public const string EcrfSignOff = "ecrf.signoff";
    /// <summary>Record adverse events and report SAEs (O14, O15).</summary>
    public const string SafetyReport = "safety.report";
    /// <summary>Export the e-CRF metadata and data (ODM) and the research FHIR resources.</summary>
    public const string SubjectsExport = "subjects.export";
    /// <summary>Export a concealed randomization list for the statistician (O04/O10, part RANDOM): global roles only, never the study team.</summary>
    public const string RandomizationListExport = "randomization.list-export";

    // Investigational product (issue 10: O18-O24).
    /// <summary>See the project's stock, kits (their content only to unblinded roles), prescriptions and accountability.</summary>
    public const string PharmacyRead = "pharmacy.read";
    /// <summary>Define products and batches, register packing lists, receive, transfer, dispense, take back, quarantine, adjust, destroy.</summary>
    public const string PharmacyStock = "pharmacy.stock";
    /// <summary>Take back what a subject returns (O22): the pharmacy and the study nurses who collect it at visits.</summary>
    public const string PharmacyReturn = "pharmacy.return";
    /// <summary>Prescribe the study drug for a subject at a visit (O20): investigators only.</summary>
    public const string PharmacyPrescribe = "pharmacy.prescribe";
    /// <summary>Witness a destruction or a return to the sponsor (O23) with a signature.</summary>
    public const string PharmacyWitness = "pharmacy.witness";
    /// <summary>The pharmacy's places (central, satellites, quarantine) and the warning thresholds; a global permission.</summary>
    public const string PharmacyLocations = "pharmacy.locations";
}
