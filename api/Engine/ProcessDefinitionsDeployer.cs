using Ctms.Engine.Parsing;
using Ctms.Engine.Persistence;
using Microsoft.Extensions.Options;

namespace Ctms.Api.Engine;

/// <summary>
/// Deploys the SOP definitions in <c>process-definitions/</c> (after their task forms in <c>forms/</c>, which they bind) at start-up: a file whose content did not change keeps
/// its version. A file that does not validate is logged with every problem and skipped; the host still starts.
/// </summary>
internal sealed class ProcessDefinitionsDeployer(EngineCommands commands, IOptions<EngineHostOptions> options, IHostEnvironment environment,
    ILogger<ProcessDefinitionsDeployer> logger)
{
    public async Task<int> DeployAllAsync(CancellationToken ct)
    {
        var folder = Folder();
        if (folder is null)
        {
            logger.LogInformation("No process-definitions folder found; nothing deployed at start-up");
            return 0;
        }
        var deployed = 0;
        // Forms first: a definition binds the form versions that are current when it is deployed.
        var forms = Path.Combine(folder, "forms");
        if (Directory.Exists(forms))
        {
            foreach (var file in Directory.EnumerateFiles(forms, "*.form").Order(StringComparer.Ordinal))
            {
                var json = await File.ReadAllTextAsync(file, ct);
                try
                {
                    await commands.RunScopedAsync(null, (services, token) => services.GetRequiredService<FormRepository>().DeployAsync(Path.GetFileName(file), json, token), ct);
                    deployed++;
                }
                catch (BpmnValidationException e)
                {
                    logger.LogError("ENGINE-0080 {File} was not deployed: {Problems}", Path.GetFileName(file), string.Join("; ", e.Problems));
                }
            }
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var xml = await File.ReadAllTextAsync(file, ct);
            try
            {
                var versions = await commands.RunAsync(null, (engine, token) => engine.DeployAsync(Path.GetFileName(file), xml, token), ct);
                deployed += versions.Count;
            }
            catch (BpmnValidationException e)
            {
                logger.LogError("ENGINE-0072 {File} was not deployed: {Problems}", Path.GetFileName(file), string.Join("; ", e.Problems));
            }
        }
        logger.LogInformation("Deployed {Count} process definition(s) and form(s) from {Folder}", deployed, folder);
        return deployed;
    }

    private string? Folder() => FindFolder(options.Value, environment);

    /// <summary>The definitions folder: <c>Engine:DefinitionsPath</c>, or the nearest <c>process-definitions/</c> above the content root.</summary>
    public static string? FindFolder(EngineHostOptions options, IHostEnvironment environment)
    {
        if (options.DefinitionsPath is { Length: > 0 } configured)
        {
            var path = Path.GetFullPath(configured, environment.ContentRootPath);
            return Directory.Exists(path) ? path : null;
        }
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "process-definitions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
