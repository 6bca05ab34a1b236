using System.Globalization;
using Ctms.Domain.Documents;
using Ctms.Domain.Projects;

namespace Ctms.Domain.Tests.Documents;

public sealed class DocumentChecklistTests
{
    [Fact]
    public void Every_combination_has_the_common_items_unique_codes_required_first_and_both_languages()
    {
        foreach (var type in Enum.GetValues<ProjectType>())
        {
            foreach (var phase in Enum.GetValues<TrialPhase>())
            {
                var items = DocumentChecklist.For(type, phase);
                items.Select(i => i.Code).ShouldBeUnique();
                items.Select(i => i.Code).ShouldContain(DocumentChecklist.Protocol);
                items.Select(i => i.Code).ShouldContain(DocumentChecklist.InformedConsent);
                items.SkipWhile(i => i.Required).ShouldAllBe(i => !i.Required);
                items.ShouldAllBe(i => i.TitleEn.Length > 0 && i.TitleZh.Length > 0 && i.TitleEn != i.TitleZh);
            }
        }
    }

    [Fact]
    public void A_sponsored_drug_trial_needs_the_brochure_and_the_NMPA_approval_an_IIT_a_funding_statement_instead()
    {
        var sponsored = DocumentChecklist.For(ProjectType.SponsorInitiated, TrialPhase.PhaseII).ToDictionary(i => i.Code);
        sponsored[DocumentChecklist.InvestigatorsBrochure].Required.ShouldBeTrue();
        sponsored[DocumentChecklist.RegulatoryApproval].Required.ShouldBeTrue();
        sponsored.ShouldNotContainKey(DocumentChecklist.FundingStatement);

        var iit = DocumentChecklist.For(ProjectType.InvestigatorInitiated, TrialPhase.PhaseIV).ToDictionary(i => i.Code);
        iit[DocumentChecklist.FundingStatement].Required.ShouldBeTrue();
        iit[DocumentChecklist.InvestigatorsBrochure].Required.ShouldBeFalse();
        iit.ShouldNotContainKey(DocumentChecklist.RegulatoryApproval);

        DocumentChecklist.Find(ProjectType.SponsorInitiated, TrialPhase.PhaseI, DocumentChecklist.PhaseOneQualification)!
            .Title(CultureInfo.GetCultureInfo("zh-CN")).ShouldBe("I期临床试验研究室资质");
        DocumentChecklist.Find(ProjectType.SponsorInitiated, TrialPhase.PhaseII, DocumentChecklist.PhaseOneQualification).ShouldBeNull();
        DocumentChecklist.Find(ProjectType.SponsorInitiated, TrialPhase.Device, DocumentChecklist.DeviceInstructions)!.Required.ShouldBeTrue();
    }
}
