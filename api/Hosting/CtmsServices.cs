using System.Diagnostics;
using Ctms.Api.Documents;
using Ctms.Api.Engine;
using Ctms.Api.Errors;
using Ctms.Api.Identity;
using Ctms.Api.Notifications;
using Ctms.Api.People;
using Ctms.Api.Projects;
using Ctms.Domain.Common;
using Ctms.Domain.Data;
using Ctms.Studio;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;

namespace Ctms.Api.Hosting;

internal static class CtmsServices
{
    /// <summary>Everything the host registers: storage, identity, the mediator, API plumbing and the studio.</summary>
    public static WebApplicationBuilder AddCtms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The studio's static files (MudBlazor's, the studio's) come from the build output's manifest when run from
        // source, whatever the environment; after publish they are plain files and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment() && configuration["Logging:Console:FormatterName"] is null)
        {
            // Structured (JSON) logs wherever a collector reads them; plain lines while developing.
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ClaimsCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<ClaimsCurrentUser>());
        services.AddCtmsData(configuration, CtmsPaths.DataPath(configuration, builder.Environment));
        services.AddMediator(o =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddCtmsIdentity();
        services.AddCtmsEngine(configuration);
        services.AddCtmsNotifications(configuration, builder.Environment);
        services.AddCtmsNotificationDelivery(configuration);
        services.AddCtmsPeople(configuration, builder.Environment);
        services.AddCtmsDocuments(configuration, builder.Environment);
        services.AddProjectApproval(configuration);
        Ctms.Api.KickOff.KickOffServices.AddCtmsKickOff(services);
        Ctms.Api.Ethics.LettersEndpoints.AddEthicsLetters(services, configuration);
        Ctms.Api.Ethics.GateEndpoints.AddCtmsEthicsGate(services);
        services.AddCtmsDataProtection(configuration, builder.Environment);
        Ctms.Api.Integration.IntegrationSetup.AddCtmsHospitalIntegration(services, configuration, builder.Environment);
        Ctms.Domain.Integration.Notifications.NotificationsServiceCollectionExtensions.AddHospitalOrdersAndNotifications(services, configuration);
        services.AddScoped<Ctms.Api.Integration.IntegrationAccess>();
        Ctms.Api.Integration.DictionarySyncService.AddCtmsDictionarySync(services, configuration);
        Ctms.Domain.Integration.BulkImport.BulkImportServiceCollectionExtensions.AddCtmsBulkImport(services, configuration, CtmsPaths.DataPath(configuration, builder.Environment));

        Ctms.Api.Subjects.SubjectsSetup.AddCtmsSubjects(services, configuration);
        Ctms.Api.Pharmacy.PharmacySetup.AddCtmsPharmacy(services);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Unreadable bodies throw, so the exception handler can say what was wrong with them.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Ctms API";
            doc.Info.Description = "The REST API of Ctms, the hospital-side clinical trial management system. " +
                                   "Sign in with POST /api/auth/token and send the token as 'Authorization: Bearer ...'.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<CtmsDbContext>("database", tags: ["ready"]);
        services.AddCtmsStudio();
        return builder;
    }
}
