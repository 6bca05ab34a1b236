namespace Ctms.Domain.Closeout;

/// <summary>What one close-out check answered.</summary>
public enum ClosureCheckOutcome
{
    Passed,

    /// <summary>Archiving must wait: the reasons say what is still open.</summary>
    Failed,

    /// <summary>The check does not apply (its module is not installed, or the study has nothing for it to check).</summary>
    NotApplicable,
}
