namespace Ctms.Domain.Contracts;

/// <summary>The kinds of money a trial contract budgets.</summary>
public enum BudgetLineKind
{
    /// <summary>A fee per enrolled subject: unit amount × planned subjects.</summary>
    PerSubjectFee,

    /// <summary>A fee per visit: unit amount × (visits per subject × subjects).</summary>
    PerVisitFee,

    /// <summary>An examination or laboratory fee: unit amount × number of exams.</summary>
    ExamFee,

    /// <summary>The institution's overhead: its unit amount is a percentage of the sum of every line that is not overhead.</summary>
    Overhead,

    /// <summary>A fixed cost (archiving, start-up, pharmacy set-up): unit amount × quantity (usually 1).</summary>
    FixedCost,
}
