using Ctms.Domain.Subjects;
using Ctms.Domain.Subjects.Deviations;

namespace Ctms.Api.Subjects;

/// <summary>
/// The subjects module in the host (issue 9): its services and its endpoints. One line per part, so that the parts
/// (protocol and recruitment, randomization, visits and e-CRF, safety and exchange) stay apart.
/// </summary>
internal static class SubjectsSetup
{
    public static IServiceCollection AddCtmsSubjects(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EngineSubjectRules>();
        services.AddSingleton<IConditionEvaluator>(sp => sp.GetRequiredService<EngineSubjectRules>());
        services.AddSingleton<IEcrfFormChecker>(sp => sp.GetRequiredService<EngineSubjectRules>());
        services.AddScoped<DeviationCandidates>();
        services.AddScoped<SubjectStore>();
        services.AddCtmsRecruitment();
        services.AddRandomization();
        services.AddScoped<Ctms.Domain.Subjects.Visits.SubjectSchedule>(); // part VISITS
        services.AddScoped<Ctms.Domain.Subjects.Safety.SafetySteps>();
        services.AddSingleton<Ctms.Domain.Subjects.Safety.ISafetyWorkflow, SafetyWorkflow>(); // part SAFETY: AE commands with O14/O15
        services.AddScoped<Ctms.Domain.Subjects.Exchange.IEcrfDataSource, Ctms.Domain.Subjects.Exchange.EcrfEntriesDataSource>();
        return services;
    }

    public static IEndpointRouteBuilder MapCtmsSubjects(this IEndpointRouteBuilder app)
    {
        app.MapProtocolEndpoints().MapRecruitmentEndpoints();
        app.MapRandomizationEndpoints();
        app.MapSubjectVisitsEndpoints(); // part VISITS
        app.MapSubjectEcrfEndpoints(); // part VISITS
        app.MapSafetyEndpoints();
        app.MapExchangeEndpoints();
        app.MapSubjectFhirEndpoints(); // FHIR ResearchStudy/ResearchSubject
        return app;
    }
}
