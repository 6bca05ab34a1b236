using System.Text;
using Ctms.HospitalSim.Fhir;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Faults;

/// <summary>Plays the current <see cref="SimFaults"/> on requests under <c>/fhir</c>.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, SimFaults faults)
{
    private static readonly byte[] Truncated = Encoding.UTF8.GetBytes("{\"resourceType\":\"Bundle\",\"entry\":[{");

    public async System.Threading.Tasks.Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/fhir", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var (mode, delay) = faults.Next();
        switch (mode)
        {
            case FaultMode.Down:
                await FhirJson.Outcome(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient,
                    "The hospital system is unavailable (simulated).").ExecuteAsync(context);
                return;
            case FaultMode.Malformed:
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = FhirJson.ContentType;
                await context.Response.Body.WriteAsync(Truncated, context.RequestAborted);
                return;
            case FaultMode.Slow:
                try
                {
                    await System.Threading.Tasks.Task.Delay(delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                break;
        }
        await next(context);
    }
}
