using Ctms.Domain.Projects;

namespace Ctms.Api.Projects;

/// <summary>Wiring of the approval flow: the project number rule, read (and checked) once at start-up.</summary>
internal static class ApprovalSetup
{
    public const string NumberRuleKey = "Projects:NumberRule";

    /// <summary>Registers the configured <see cref="ProjectNumberRule"/>; a malformed rule stops the host with a message naming the setting.</summary>
    public static IServiceCollection AddProjectApproval(this IServiceCollection services, IConfiguration configuration)
    {
        var text = configuration[NumberRuleKey] ?? ProjectNumberRule.Default;
        try
        {
            services.AddSingleton(ProjectNumberRule.Parse(text));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{NumberRuleKey} '{text}' is not a valid project number rule: {e.Message}", e);
        }
        return services;
    }
}
