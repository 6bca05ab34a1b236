using System.Globalization;
using System.Text.Json;
using Ctms.Domain.Common;

namespace Ctms.Domain.Contracts;

/// <summary>
/// The money rules of a contract budget, in one place. Every amount has 2 decimal places and every rounding is explicit:
/// half away from zero (the commercial rounding of invoices). A line's total is unit amount × quantity, rounded; an
/// overhead line's total is its percentage of the sum of the (rounded) totals of all lines that are not overhead, so
/// two overhead lines do not compound. The budget's total is the sum of the rounded line totals.
/// </summary>
public static class Budget
{
    public const int MaxLines = 200;
    public const int DescriptionMax = 300;
    public const decimal MaxUnitAmount = 10_000_000_000m;
    public const decimal MaxQuantity = 1_000_000m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>Checks the lines a client sent, each field keyed <c>{field}[i].Name</c>, so a form shows every problem.</summary>
    public static void Validate(Validator v, string field, IReadOnlyList<BudgetLineInput>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            v.Add(field, "A budget needs at least one line.");
            return;
        }
        v.Must(lines.Count <= MaxLines, field, $"A budget has at most {MaxLines} lines.");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (line is null)
            {
                v.Add(at, "A line is required.");
                continue;
            }
            var known = TryParseKind(line.Kind, out var kind);
            v.Must(known, $"{at}.kind", $"Kind must be one of: {string.Join(", ", Enum.GetNames<BudgetLineKind>())}.");
            v.Required($"{at}.description", line.Description, DescriptionMax);
            v.Must(line.UnitAmount >= 0, $"{at}.unitAmount", "UnitAmount must not be negative.");
            v.Must(line.UnitAmount <= MaxUnitAmount, $"{at}.unitAmount", $"UnitAmount must be at most {MaxUnitAmount.ToString("N0", CultureInfo.InvariantCulture)}.");
            v.Must(Round(line.UnitAmount) == line.UnitAmount, $"{at}.unitAmount", "UnitAmount has at most 2 decimal places.");
            v.Must(line.Quantity > 0, $"{at}.quantity", "Quantity must be greater than zero.");
            v.Must(line.Quantity <= MaxQuantity, $"{at}.quantity", $"Quantity must be at most {MaxQuantity.ToString("N0", CultureInfo.InvariantCulture)}.");
            v.Must(Round(line.Quantity) == line.Quantity, $"{at}.quantity", "Quantity has at most 2 decimal places.");
            if (known && kind == BudgetLineKind.Overhead)
            {
                v.Must(line.UnitAmount <= 100, $"{at}.unitAmount", "An overhead line's UnitAmount is a percentage between 0 and 100.");
                v.Must(line.Quantity == 1, $"{at}.quantity", "An overhead line's Quantity is 1.");
            }
        }
    }

    public static bool TryParseKind(string? text, out BudgetLineKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(text) && !text.Trim().All(char.IsDigit)
               && Enum.TryParse(text.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    /// <summary>Computes every line's total and the budget's total from validated lines.</summary>
    public static IReadOnlyList<BudgetLineSnapshot> Compute(IReadOnlyList<BudgetLineInput> lines)
    {
        var parsed = lines.Select(l => (Kind: TryParseKind(l.Kind, out var k) ? k : throw new ArgumentException($"Unknown kind '{l.Kind}'."), Line: l)).ToList();
        var direct = parsed.Where(p => p.Kind != BudgetLineKind.Overhead).Sum(p => Round(p.Line.UnitAmount * p.Line.Quantity));
        return parsed.Select(p => new BudgetLineSnapshot(p.Kind.ToString(), p.Line.Description.Trim(), p.Line.UnitAmount, p.Line.Quantity,
                p.Kind == BudgetLineKind.Overhead ? Round(direct * p.Line.UnitAmount / 100m) : Round(p.Line.UnitAmount * p.Line.Quantity)))
            .ToList();
    }

    public static decimal Total(IEnumerable<BudgetLineSnapshot> lines) => lines.Sum(l => l.Total);

    public static string ToJson(IReadOnlyList<BudgetLineSnapshot> lines) => JsonSerializer.Serialize(lines, Json);

    public static IReadOnlyList<BudgetLineSnapshot> FromJson(string json) =>
        JsonSerializer.Deserialize<List<BudgetLineSnapshot>>(json, Json) ?? [];
}
