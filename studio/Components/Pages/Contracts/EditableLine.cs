using Ctms.Domain.Contracts;

namespace Ctms.Studio.Components.Pages.Contracts;

/// <summary>A budget line being edited on the page; its total is shown only as the server computed it.</summary>
public sealed class EditableLine
{
    public string Kind { get; set; } = nameof(BudgetLineKind.PerSubjectFee);
    public string Description { get; set; } = "";
    public decimal UnitAmount { get; set; }
    public decimal Quantity { get; set; } = 1;

    /// <summary>The server's total of the saved line; null for a line not saved yet.</summary>
    public decimal? Total { get; init; }

    public static EditableLine From(BudgetLineSnapshot line) =>
        new() { Kind = line.Kind, Description = line.Description, UnitAmount = line.UnitAmount, Quantity = line.Quantity, Total = line.Total };

    public BudgetLineInput ToInput() => new(Kind, Description, UnitAmount, Quantity);
}
