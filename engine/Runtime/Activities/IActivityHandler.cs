namespace Ctms.Engine.Runtime.Activities;

/// <summary>
/// Does the work of a service task of one type. Runs inside the command's transaction. Returns a result, or
/// throws for a technical failure (the engine retries, then raises an incident).
/// </summary>
public interface IActivityHandler
{
    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct);
}
