namespace Ctms.Engine.Runtime.Activities;

/// <summary>How an activity ended: with output variables, or with a BPMN error that the process may catch.</summary>
public abstract record ActivityResult
{
    public static ActivityResult Complete(IReadOnlyDictionary<string, object?>? outputs = null) =>
        new Completed(outputs ?? new Dictionary<string, object?>());

    /// <summary>
    /// Completes and gives the process instance its business key: an activity that creates the thing the process is
    /// about (a project, a subject) names it, and every task and call from then on carries it. An instance that has a
    /// different key already is not re-keyed: that is the activity's error, an incident.
    /// </summary>
    public static ActivityResult CompleteWithBusinessKey(string businessKey, IReadOnlyDictionary<string, object?>? outputs = null) =>
        new Completed(outputs ?? new Dictionary<string, object?>()) { BusinessKey = businessKey };

    /// <summary>Completes and publishes messages in the same command (see <see cref="PublishedMessage"/>).</summary>
    public static ActivityResult CompleteAndPublish(IReadOnlyDictionary<string, object?>? outputs, params PublishedMessage[] messages) =>
        new Completed(outputs ?? new Dictionary<string, object?>()) { Messages = messages };

    public static ActivityResult Error(string code, string? message = null) => new BpmnError(code, message);

    public sealed record Completed(IReadOnlyDictionary<string, object?> Outputs) : ActivityResult
    {
        /// <summary>The business key the instance takes, if the activity names one.</summary>
        public string? BusinessKey { get; init; }

        /// <summary>The messages the activity publishes, correlated after it completes, in the same command.</summary>
        public IReadOnlyList<PublishedMessage> Messages { get; init; } = [];
    }

    public sealed record BpmnError(string Code, string? Message) : ActivityResult;
}
