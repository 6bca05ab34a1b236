using System.Collections;
using Ctms.Domain.Notifications;
using Ctms.Engine.Runtime.Activities;
using Mediator;

namespace Ctms.Activities.Notifications;

/// <summary>The <c>send-notification</c> service task: renders a template for its recipients, in the studio and by e-mail.</summary>
[Activity("send-notification", Category = "Notifications",
    Description = "Notify people: the template is rendered with the process's variables for each recipient (studio and e-mail).",
    Inputs =
    [
        "template: the template's name (process-definitions/templates/<name>.<culture>.liquid)",
        "to: a user name, role:<role> or project:<role>, or a list of them",
        "projectId: the project (by default the business key)",
        "link: where the studio takes the reader (optional)",
    ],
    Outputs = ["notified: how many people were notified"])]
public sealed class SendNotificationActivity(IMediator mediator) : IActivityHandler
{
    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken ct)
    {
        var template = ActivityInputs.RequiredString(context, "template");
        var recipients = ActivityInputs.Strings(context, "to");
        var projectId = ActivityInputs.ProjectId(context);
        context.Variables.TryGetValue("link", out var link);
        var notified = await mediator.Send(new SendNotification(template, recipients, projectId, context.Variables, link as string), ct);
        return ActivityResult.Complete(new Dictionary<string, object?> { ["notified"] = notified });
    }
}
