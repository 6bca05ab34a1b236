namespace Ctms.Domain.Ethics.Reviews;

/// <summary>
/// The questions a primary reviewer answers (P07's opinion form, the checklist keys): what an ethics committee checks in
/// a protocol and its consent, after ICH E6 and the Declaration of Helsinki. Each answer is "yes", "no" or "n/a".
/// </summary>
public static class ReviewChecklist
{
    public static readonly IReadOnlyList<(string Key, string Question)> Questions =
    [
        ("scientificValidity", "Is the study scientifically sound, with a design that can answer its question?"),
        ("riskBenefit", "Are the risks to subjects reasonable in relation to the expected benefits?"),
        ("consentReadable", "Is the informed consent form complete and readable for a lay person?"),
        ("vulnerablePopulations", "Are vulnerable subjects (minors, incapacitated, dependent) protected adequately?"),
        ("recruitmentFair", "Are the selection and recruitment of subjects fair, free of undue inducement?"),
        ("dataProtection", "Are privacy and the confidentiality of the subjects' data protected?"),
        ("compensationInsurance", "Are compensation for injury and insurance provided?"),
        ("investigatorQualified", "Are the investigators and the site qualified and equipped?"),
    ];

    public static readonly IReadOnlySet<string> Answers = new HashSet<string>(StringComparer.Ordinal) { "yes", "no", "n/a" };
}
