using Ctms.Domain.Data;
using Ctms.Domain.Projects;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Api.Tests.Infrastructure;

/// <summary>Registers a project from a process, as a module's activity would: a domain write in the command's transaction.</summary>
[Activity("test-register-project", Category = "Tests", Description = "Registers a project named by the variable 'protocol'.",
    Inputs = ["protocol: the protocol number"], Outputs = ["projectId: the new project's id"])]
public sealed class RegisterProjectActivity(CtmsDbContext db) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var project = new Project((string)context.Variables["protocol"]!, "Registered by a process", null, DateTimeOffset.UtcNow);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["projectId"] = project.Id.ToString() });
    }
}

/// <summary>Writes a project, then fails technically: the write must not survive the failed attempt.</summary>
[Activity("test-fail-after-write", Category = "Tests", Description = "Writes a project, then fails.")]
public sealed class FailAfterWriteActivity(CtmsDbContext db) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        db.Projects.Add(new Project((string)context.Variables["protocol"]!, "Half-done work", null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(ct);
        throw new InvalidOperationException("The hospital system did not answer.");
    }
}
