using System.Text.Json;
using Ctms.Domain.Audit;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Engine.Forms;
using Ctms.Engine.Parsing;
using Ctms.Engine.Runtime;
using Ctms.Engine.Simulation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Api.Errors;

/// <summary>
/// Every exception becomes a ProblemDetails with the status it means: a domain refusal keeps its message, an
/// unexpected failure says only that it failed and gives the trace id to quote; a stack trace never leaves the host.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is Ctms.Engine.Runtime.Activities.ActivityRefusedException { InnerException: { } refusal })
        {
            exception = refusal;
        }
        var problem = exception switch
        {
            // Field names as the JSON body spells them.
            DomainValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Key), p => p.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            // Keyed by the form field's key as the form spells it (not camel-cased): the studio puts each message on its field.
            FormValidationException e => new ValidationProblemDetails(e.Errors.ToDictionary(p => p.Key, p => p.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The form's data is not valid.",
                Detail = $"The data does not satisfy form '{e.FormId}'; see 'errors'.",
            },
            BadHttpRequestException e => Problem(e.StatusCode, "The request could not be read.", Describe(e)),
            BpmnValidationException e => BpmnProblems(e),
            SimulationException e => Problem(StatusCodes.Status400BadRequest, "The simulation step does not apply.", e.Message),
            EngineException { Code: EngineException.NotFound } e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
            EngineException { Code: EngineException.Forbidden } e => Problem(StatusCodes.Status403Forbidden, "Forbidden.", e.Message),
            EngineException { Code: EngineException.Conflict } e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
            EngineException e => Problem(StatusCodes.Status400BadRequest, "The engine refused the command.", e.Message),
            Ctms.Domain.Integration.Hospital.HospitalUnavailableException e => Problem(StatusCodes.Status503ServiceUnavailable,
                "The hospital is not available.", e.Message),
            Ctms.Domain.Integration.Hospital.HospitalResponseException e => Problem(StatusCodes.Status502BadGateway,
                "The hospital's answer could not be used.", e.Message),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found.", e.Message),
            ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflict.", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden.", e.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "Conflict.",
                "The record was changed by someone else at the same time; reload and try again."),
            DbUpdateException e when UniqueViolation.Matches(e) => Problem(StatusCodes.Status409Conflict, "Conflict.",
                "A record with the same unique value already exists."),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "CTMS-HOST-0500 Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
                "The failure was logged; quote the trace id when reporting it.");
        }
        else
        {
            logger.LogInformation("Request refused with {Status}: {Reason}", problem.Status, exception.GetType().Name);
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && exception is not BadHttpRequestException)
            {
                await RecordRefusalAsync(http, problem, ct);
            }
        }
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// Puts the refused change on the audit trail (who tried what, and why it was refused), in a unit of work of its
    /// own: the change's own transaction was rolled back. A failure here is logged and does not hide the refusal.
    /// </summary>
    private async Task RecordRefusalAsync(HttpContext http, ProblemDetails problem, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<ClaimsCurrentUser>().Principal = http.User;
            var reason = problem is ValidationProblemDetails validation && validation.Errors.Count > 0
                ? $"{problem.Title} {string.Join("; ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}"
                : $"{problem.Title} {problem.Detail}";
            await RefusedAttempts.RecordAsync(scope.ServiceProvider.GetRequiredService<Ctms.Domain.Data.CtmsDbContext>(), clock,
                http.Request.Method, http.Request.Path.Value ?? "", problem.Status ?? 0, reason.Trim(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "CTMS-AUDIT-0001 A refused request could not be recorded on the audit trail");
        }
    }

    private static ProblemDetails BpmnProblems(BpmnValidationException e)
    {
        var problem = Problem(StatusCodes.Status400BadRequest, "The BPMN definition is not valid.", $"{e.Problems.Count} problem(s); see 'problems'.");
        problem.Extensions["problems"] = e.Problems.Select(p => new
        {
            code = p.Code,
            elementId = p.Location.ElementId,
            elementType = p.Location.ElementType,
            line = p.Location.Line,
            message = p.Message,
        }).ToList();
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    // The framework's messages for unreadable bodies are safe and useful ("JSON ... is invalid at line 1"); keep them.
    private static string Describe(BadHttpRequestException e) =>
        e.InnerException is System.Text.Json.JsonException json ? $"The body is not valid JSON: {json.Message}" : e.Message;
}
