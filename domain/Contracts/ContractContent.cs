using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The canonical text of what a party signs, and its SHA-256: one line per field in a fixed order, amounts in invariant
/// culture with 2 decimals. A signature stores the hash at signing; comparing it with the hash of the content now shows
/// whether anything signed changed since.
/// </summary>
public static class ContractContent
{
    public static string Hash(Contract contract) => Sha256(Canonical(contract));

    /// <summary>The hash of the contract's terms with other lines: the signed original, once an amendment replaced them.</summary>
    public static string Hash(Contract contract, IReadOnlyList<BudgetLineSnapshot> lines) => Sha256(Canonical(contract, lines));

    public static string Hash(Contract contract, ContractAmendment amendment) => Sha256(Canonical(contract, amendment));

    public static string Canonical(Contract contract) =>
        Canonical(contract, contract.Lines.OrderBy(l => l.Position).Select(l => l.ToSnapshot()).ToList());

    public static string Canonical(Contract contract, IReadOnlyList<BudgetLineSnapshot> lines)
    {
        var text = new StringBuilder()
            .Append("contract\n")
            .Append("number:").Append(contract.Number).Append('\n')
            .Append("title:").Append(contract.Title).Append('\n')
            .Append("sponsor:").Append(contract.SponsorParty).Append('\n')
            .Append("cro:").Append(contract.CroParty).Append('\n')
            .Append("hospital:").Append(contract.HospitalParty).Append('\n')
            .Append("currency:").Append(contract.Currency).Append('\n');
        AppendLines(text, lines, Budget.Total(lines));
        return text.ToString();
    }

    public static string Canonical(Contract contract, ContractAmendment amendment)
    {
        var text = new StringBuilder()
            .Append("amendment\n")
            .Append("contract:").Append(contract.Number).Append('\n')
            .Append("number:").Append(amendment.Number.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("reason:").Append(amendment.Reason).Append('\n')
            .Append("effective-from:").Append(amendment.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
            .Append("currency:").Append(contract.Currency).Append('\n');
        AppendLines(text, amendment.Lines, amendment.Total);
        return text.ToString();
    }

    private static void AppendLines(StringBuilder text, IEnumerable<BudgetLineSnapshot> lines, decimal total)
    {
        foreach (var line in lines)
        {
            text.Append("line:").Append(line.Kind).Append('|').Append(line.Description).Append('|')
                .Append(Amount(line.UnitAmount)).Append('|').Append(Amount(line.Quantity)).Append('|').Append(Amount(line.Total)).Append('\n');
        }
        text.Append("total:").Append(Amount(total)).Append('\n');
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
