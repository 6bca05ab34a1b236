namespace Ctms.Engine.Runtime.Activities;

/// <summary>
/// A message an activity publishes as it completes (a BPMN message throw done by a worker, as in Zeebe): it is
/// correlated in the same command, so it reaches the instances waiting for it and starts the processes that begin with
/// it together with the activity's own effects, or not at all.
/// </summary>
/// <param name="Name">The message name.</param>
/// <param name="CorrelationKey">The key waiting instances subscribed with; a started instance takes it as its business key.</param>
/// <param name="Variables">The message's variables.</param>
public sealed record PublishedMessage(string Name, string CorrelationKey, IReadOnlyDictionary<string, object?> Variables);
