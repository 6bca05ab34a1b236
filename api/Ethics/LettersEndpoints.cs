using Ctms.Domain.Documents;
using Ctms.Domain.Ethics.Decisions;
using Ctms.Domain.Ethics.Letters;
using Ctms.Domain.Notifications;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Ctms.Api.Ethics;

/// <summary>
/// The ethics committee's letters: the EC office's list, a decision's letter to download (the Documents module's read
/// check applies), rendering it again, and the letter templates the EC secretary edits (Liquid, per language).
/// </summary>
internal static class LettersEndpoints
{
    /// <summary>The letters' services: the hospital on the letterhead (<c>Ethics:Letters</c>), the letter's model, the templates' access.</summary>
    public static IServiceCollection AddEthicsLetters(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new EthicsLetterOptions();
        configuration.GetSection("Ethics:Letters").Bind(options);
        services.AddSingleton(options);
        services.AddScoped<EthicsLetterModel>();
        services.AddScoped<EthicsLetterTemplateAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapEthicsLettersEndpoints(this IEndpointRouteBuilder app)
    {
        var ethics = app.MapGroup("api/ethics").WithTags("Ethics letters");
        ethics.MapGet("letters", List).WithSummary("The decisions with a letter on every project the caller may read the ethics of, newest first.");
        ethics.MapGet("decisions/{decisionId:guid}/letter", Download).WithSummary("The decision's letter (DOCX).");
        ethics.MapPost("decisions/{decisionId:guid}/letter", Render)
            .WithSummary("Render the decision's letter again (EC office, e.g. after correcting a template), optionally in another language: a new document version.");

        var templates = ethics.MapGroup("letter-templates").WithTags("Ethics letters");
        templates.MapGet("", ListTemplates).WithSummary("The letter templates (ethics-letter-<outcome>, ethics-letter-<kind>-<outcome>) with their languages.");
        templates.MapGet("{name}/{culture}", GetTemplate).WithSummary("A letter template in one language, as used now.");
        templates.MapPut("{name}/{culture}", SaveTemplate).WithSummary("Override a letter template in one language (EC secretary); invalid Liquid answers 400.");
        templates.MapDelete("{name}/{culture}", RevertTemplate).WithSummary("Delete the override: the file is used again (EC secretary).");
        return app;
    }

    public sealed record RenderRequest(string? Culture);

    public sealed record SaveTemplateRequest(string Source);

    private static async Task<Ok<IReadOnlyList<EthicsDecisionView>>> List(int? take, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListEthicsLetters(take ?? 200), ct));

    private static async Task<FileStreamHttpResult> Download(Guid decisionId, IMediator mediator, CancellationToken ct)
    {
        var versionId = await mediator.Send(new FindEthicsLetter(decisionId), ct);
        var file = await mediator.Send(new GetDocumentContent(versionId), ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    private static async Task<Ok<EthicsLetterDto>> Render(Guid decisionId, RenderRequest? request, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RenderEthicsLetter(decisionId, string.IsNullOrWhiteSpace(request?.Culture) ? null : request.Culture), ct));

    private static async Task<Ok<IReadOnlyList<TemplateSummaryDto>>> ListTemplates(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListEthicsLetterTemplates(), ct));

    private static async Task<Ok<NotificationTemplateDto>> GetTemplate(string name, string culture, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetEthicsLetterTemplate(name, culture), ct));

    private static async Task<Ok<NotificationTemplateDto>> SaveTemplate(string name, string culture, SaveTemplateRequest request, IMediator mediator,
        CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new SaveEthicsLetterTemplate(name, culture, request.Source), ct));

    private static async Task<Ok<NotificationTemplateDto>> RevertTemplate(string name, string culture, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new RevertEthicsLetterTemplate(name, culture), ct));
}
