using Ctms.Domain.Projects;

namespace Ctms.Domain.Documents;

/// <summary>
/// The application materials a project needs, by its type (sponsor- or investigator-initiated) and phase (drug phase
/// I-IV, or a device trial), as the CTI office's formal review (P02) checks them. Kept in code: a change of the list is
/// a change of the SOP, reviewed like code.
/// </summary>
public static class DocumentChecklist
{
    public const string ApplicationForm = "application-form";
    public const string Protocol = "protocol";
    public const string InformedConsent = "icf";
    public const string InvestigatorsBrochure = "investigators-brochure";
    public const string PiCv = "pi-cv";
    public const string GcpCertificates = "gcp-certificates";
    public const string Insurance = "insurance";
    public const string RegulatoryApproval = "nmpa-approval";
    public const string SponsorQualification = "sponsor-qualification";
    public const string DeviceTestReport = "device-test-report";
    public const string DeviceInstructions = "device-instructions";
    public const string PhaseOneQualification = "phase-i-qualification";
    public const string FundingStatement = "funding-statement";
    public const string CaseReportForm = "case-report-form";
    public const string RecruitmentMaterials = "recruitment-materials";
    public const string OtherEthicsApprovals = "other-ethics-approvals";

    /// <summary>The items for a project of this type and phase, required ones first.</summary>
    public static IReadOnlyList<ChecklistItem> For(ProjectType type, TrialPhase phase)
    {
        var sponsored = type == ProjectType.SponsorInitiated;
        var device = phase == TrialPhase.Device;
        var items = new List<ChecklistItem>
        {
            new(ApplicationForm, "Application form", "立项申请表", true),
            new(Protocol, "Protocol", "临床试验方案", true),
            new(InformedConsent, "Informed consent form", "知情同意书", true),
            new(PiCv, "CV of the principal investigator", "主要研究者简历", true),
            new(GcpCertificates, "GCP certificates of the investigators", "研究者GCP培训证书", true),
        };
        if (!device)
        {
            // An investigator-initiated study of a marketed drug has no brochure of its own; the label serves.
            items.Add(new(InvestigatorsBrochure, "Investigator's brochure", "研究者手册", sponsored));
        }
        if (sponsored)
        {
            items.Add(new(Insurance, "Insurance certificate", "保险证明", true));
            items.Add(new(RegulatoryApproval,
                device ? "NMPA approval or clinical trial filing of the device" : "NMPA approval or clinical trial notification",
                device ? "国家药监局医疗器械临床试验批件或备案" : "国家药监局临床试验批件或通知书", true));
            items.Add(new(SponsorQualification, "Sponsor's and CRO's qualification documents", "申办方及CRO资质证明", false));
        }
        else
        {
            items.Add(new(FundingStatement, "Funding statement", "经费来源说明", true));
            items.Add(new(Insurance, "Insurance certificate", "保险证明", false));
        }
        if (device)
        {
            items.Add(new(DeviceTestReport, "Product registration test report", "产品注册检验报告", true));
            items.Add(new(DeviceInstructions, "Instructions for use", "产品说明书", true));
        }
        if (phase == TrialPhase.PhaseI)
        {
            items.Add(new(PhaseOneQualification, "Phase I unit qualification", "I期临床试验研究室资质", true));
        }
        items.Add(new(CaseReportForm, "Case report form", "病例报告表", false));
        items.Add(new(RecruitmentMaterials, "Subject recruitment materials", "受试者招募材料", false));
        items.Add(new(OtherEthicsApprovals, "Ethics approvals of other sites", "其他中心伦理批件", false));
        return [.. items.OrderByDescending(i => i.Required)];
    }

    /// <summary>The item with this code for a project of this type and phase, or null for a free category.</summary>
    public static ChecklistItem? Find(ProjectType type, TrialPhase phase, string code) =>
        For(type, phase).FirstOrDefault(i => i.Code == code);
}
