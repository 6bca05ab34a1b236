namespace Ctms.Domain.Closeout;

/// <summary>One check's answer with its reasons (why it failed, or why it does not apply).</summary>
public sealed record ClosureCheckResult(string Check, ClosureCheckOutcome Outcome, IReadOnlyList<string> Reasons)
{
    public static ClosureCheckResult Passed(string check) => new(check, ClosureCheckOutcome.Passed, []);

    public static ClosureCheckResult Failed(string check, params string[] reasons) => new(check, ClosureCheckOutcome.Failed, reasons);

    public static ClosureCheckResult NotApplicable(string check, string why) => new(check, ClosureCheckOutcome.NotApplicable, [why]);
}
