namespace Ctms.Engine.Runtime.Activities;

/// <summary>How an activity ended: with output variables, or with a BPMN error that the process may catch.</summary>
public abstract record ActivityResult
{
    public static ActivityResult Complete(IReadOnlyDictionary<string, object?>? outputs = null) =>
        new Completed(outputs ?? new Dictionary<string, object?>());

    public static ActivityResult Error(string code, string? message = null) => new BpmnError(code, message);

    public sealed record Completed(IReadOnlyDictionary<string, object?> Outputs) : ActivityResult;

    public sealed record BpmnError(string Code, string? Message) : ActivityResult;
}
