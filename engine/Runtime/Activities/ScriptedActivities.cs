namespace Ctms.Engine.Runtime.Activities;

/// <summary>
/// Activities for simulation: every type is accepted; a scripted type completes with its outputs or throws its
/// BPMN error, any other completes with no outputs. No host code runs.
/// </summary>
public sealed class ScriptedActivities(IReadOnlyDictionary<string, ActivityResult> script) : IActivityRegistry
{
    public static readonly ScriptedActivities Empty = new(new Dictionary<string, ActivityResult>());

    public bool IsRegistered(string taskType) => true;

    public IActivityHandler? Find(string taskType) =>
        new Scripted(script.TryGetValue(taskType, out var result) ? result : ActivityResult.Complete());

    private sealed class Scripted(ActivityResult result) : IActivityHandler
    {
        public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct) => Task.FromResult(result);
    }
}
