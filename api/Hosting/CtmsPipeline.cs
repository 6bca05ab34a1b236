using Ctms.Api.Account;
using Ctms.Api.Audit;
using Ctms.Api.Documents;
using Ctms.Api.Contracts;
using Ctms.Api.Identity;
using Ctms.Api.Notifications;
using Ctms.Api.People;
using Ctms.Api.Processes;
using Ctms.Api.Projects;
using Ctms.Api.Simulation;
using Ctms.Api.Tasks;
using Ctms.Api.Users;
using Ctms.Studio;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Ctms.Api.Hosting;

internal static class CtmsPipeline
{
    /// <summary>The middleware and endpoints, in order.</summary>
    public static WebApplication UseCtms(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseRequestLocalization(StudioCultures.Options());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Ctms API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

        app.MapAuthEndpoints();
        app.MapProjectsEndpoints();
        app.MapPeopleEndpoints();
        app.MapDocumentsEndpoints();
        app.MapApprovalEndpoints();
        Ctms.Api.KickOff.KickOffEndpoints.MapKickOffEndpoints(app);
        Ctms.Api.Ethics.GateEndpoints.MapEthicsGateEndpoints(app);
        app.MapUsersEndpoints();
        app.MapAuditEndpoints();
        app.MapSimulationsEndpoints();
        app.MapProcessDefinitionsEndpoints();
        app.MapProcessInstancesEndpoints();
        app.MapTasksEndpoints();
        app.MapNotificationsEndpoints();
        app.MapContractsEndpoints();
        app.MapFormsEndpoints();
        app.MapAccountEndpoints();
        Ctms.Api.Integration.HospitalEndpoints.MapHospitalEndpoints(app);
        Ctms.Api.Integration.DictionaryEndpoints.MapDictionaryEndpoints(app);
        Ctms.Api.Integration.OrdersEndpoints.MapHospitalOrdersEndpoints(app);
        Ctms.Api.Integration.NotificationsEndpoints.MapHospitalNotificationsEndpoints(app);
        Ctms.Api.Integration.BulkImportEndpoints.MapBulkImportEndpoints(app);
        Ctms.Api.Subjects.SubjectsSetup.MapCtmsSubjects(app);
        Ctms.Api.Pharmacy.PharmacySetup.MapCtmsPharmacy(app);
        Ethics.ReviewsEndpoints.MapEthicsReviewsEndpoints(app);
        Ctms.Api.Ethics.MeetingsEndpoints.MapMeetingsEndpoints(app);
        Ctms.Api.Ethics.DecisionsEndpoints.MapEthicsDecisionsEndpoints(app);
        app.MapCtmsStudio();
        return app;
    }
}
