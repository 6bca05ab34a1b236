using System.Text.Json.Nodes;
using Ctms.Api.Processes;
using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ctms.Api.Notifications;

/// <summary>
/// The notification templates, for administrators (the CTI director may read and preview): an override per template and
/// language, stored in the database, replaces the file in <c>process-definitions/templates/</c> until it is deleted.
/// </summary>
internal static class NotificationTemplatesEndpoints
{
    public static IEndpointRouteBuilder MapNotificationTemplatesEndpoints(this IEndpointRouteBuilder app)
    {
        var templates = app.MapGroup("api/notification-templates").WithTags("Notification templates");
        templates.MapGet("", List).WithSummary("Every template with its languages: file or not, overridden or not.");
        templates.MapGet("{name}/{culture}", Get).WithSummary("A template's text in one language, as used now.");
        templates.MapPut("{name}/{culture}", Save).WithSummary("Override a template in one language (administrators); invalid Liquid answers 400.");
        templates.MapDelete("{name}/{culture}", Revert).WithSummary("Delete the override: the file is used again (administrators).");
        templates.MapPost("{name}/{culture}/preview", Preview)
            .WithSummary("Render the template (or the draft 'source') with the JSON 'model', as a reader of that language would get it.");
        templates.MapPost("test-mail", SendTest).WithSummary("Send myself the notification-test message, in the studio and by mail (administrators).");
        return app;
    }

    public sealed record SaveTemplateRequest(string Source);

    public sealed record PreviewRequest(string? Source, JsonObject? Model);

    public sealed record TestMailResponse(int Notified);

    private static async Task<Ok<IReadOnlyList<TemplateSummaryDto>>> List(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListNotificationTemplates(), ct));

    private static async Task<Ok<NotificationTemplateDto>> Get(string name, string culture, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetNotificationTemplate(name, culture), ct));

    private static async Task<Ok<NotificationTemplateDto>> Save(string name, string culture, SaveTemplateRequest request, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveNotificationTemplate(name, culture, request.Source), ct));

    private static async Task<Ok<NotificationTemplateDto>> Revert(string name, string culture, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RevertNotificationTemplate(name, culture), ct));

    private static async Task<Ok<RenderedMessage>> Preview(string name, string culture, PreviewRequest request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new PreviewNotificationTemplate(name, culture, request.Source, ProcessJson.Variables(request.Model)), ct));

    private static async Task<Ok<TestMailResponse>> SendTest(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(new TestMailResponse(await mediator.Send(new SendTestNotification(), ct)));
}
