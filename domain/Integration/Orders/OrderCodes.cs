using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Hospital;

namespace Ctms.Domain.Integration.Orders;

/// <summary>
/// The LOINC codes a study team can order without naming the kind: the common safety labs and the exams trials ask for.
/// Any other code may be ordered with its kind given (the hospital's exam and lab item dictionary has the rest).
/// </summary>
public static class OrderCodes
{
    private static readonly Dictionary<string, (HospitalOrderKind Kind, string Display)> Known = new(StringComparer.Ordinal)
    {
        ["718-7"] = (HospitalOrderKind.Lab, "Hemoglobin [Mass/volume] in Blood"),
        ["2345-7"] = (HospitalOrderKind.Lab, "Glucose [Mass/volume] in Serum or Plasma"),
        ["2160-0"] = (HospitalOrderKind.Lab, "Creatinine [Mass/volume] in Serum or Plasma"),
        ["1742-6"] = (HospitalOrderKind.Lab, "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma"),
        ["1920-8"] = (HospitalOrderKind.Lab, "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma"),
        ["6690-2"] = (HospitalOrderKind.Lab, "Leukocytes [#/volume] in Blood"),
        ["777-3"] = (HospitalOrderKind.Lab, "Platelets [#/volume] in Blood"),
        ["2951-2"] = (HospitalOrderKind.Lab, "Sodium [Moles/volume] in Serum or Plasma"),
        ["2823-3"] = (HospitalOrderKind.Lab, "Potassium [Moles/volume] in Serum or Plasma"),
        ["4548-4"] = (HospitalOrderKind.Lab, "Hemoglobin A1c/Hemoglobin.total in Blood"),
        ["36643-5"] = (HospitalOrderKind.Exam, "Chest X-ray"),
        ["11524-6"] = (HospitalOrderKind.Exam, "ECG study"),
        ["24627-2"] = (HospitalOrderKind.Exam, "Chest CT"),
    };

    /// <summary>The kind and display of a known LOINC code, or null.</summary>
    public static (HospitalOrderKind Kind, string Display)? Find(string system, string code) =>
        system == HospitalFhir.LoincSystem && Known.TryGetValue(code.Trim(), out var known) ? known : null;

    public static HospitalCode Loinc(string code, string? display) => new(HospitalFhir.LoincSystem, code, display);
}
