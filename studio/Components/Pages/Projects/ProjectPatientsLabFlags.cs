using System.Globalization;
using Ctms.Domain.Integration.Hospital;

namespace Ctms.Studio.Components.Pages.Projects;

/// <summary>
/// How a lab result is flagged on the patient's page: the laboratory's interpretation when it gave one (H, L, HH, LL, A),
/// else the value against the reference range.
/// </summary>
internal static class LabFlags
{
    private static readonly HashSet<string> High = new(["H", "HH", "HU", ">"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Low = new(["L", "LL", "LU", "<"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Other = new(["A", "AA", "POS", "DET"], StringComparer.OrdinalIgnoreCase);

    /// <summary>H (high), L (low), A (abnormal) or N (normal or unknown).</summary>
    public static string Flag(HospitalLabResult lab)
    {
        if (lab.Interpretation is { } i && !string.IsNullOrWhiteSpace(i))
        {
            return High.Contains(i) ? "H" : Low.Contains(i) ? "L" : Other.Contains(i) ? "A" : "N";
        }
        return lab.Value is not { } v ? "N" : lab.High is { } h && v > h ? "H" : lab.Low is { } l && v < l ? "L" : "N";
    }

    public static bool IsAbnormal(HospitalLabResult lab) => Flag(lab) != "N";

    public static string Value(HospitalLabResult lab) =>
        lab.Value is { } v ? string.Create(CultureInfo.CurrentCulture, $"{v:0.###} {lab.Unit}").Trim() : lab.Text ?? "—";

    public static string Range(HospitalLabResult lab) => (lab.Low, lab.High) switch
    {
        ({ } l, { } h) => string.Create(CultureInfo.CurrentCulture, $"{l:0.###}–{h:0.###}"),
        ({ } l, null) => string.Create(CultureInfo.CurrentCulture, $"≥ {l:0.###}"),
        (null, { } h) => string.Create(CultureInfo.CurrentCulture, $"≤ {h:0.###}"),
        _ => "—",
    };
}
