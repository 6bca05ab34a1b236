using System.Reflection;
using System.Runtime.Loader;
using Ctms.Engine.Runtime.Activities;

namespace Ctms.Api.Engine;

/// <summary>
/// Registers the product's activity handlers (Ctms.Activities) and those of the assemblies named in
/// <c>Engine:ActivityAssemblies</c>. They load into the
/// host's own load context, so they share its engine and domain types (an activity takes <c>CtmsDbContext</c> and
/// writes in the command's transaction); their other dependencies must sit beside them.
/// </summary>
internal static class ActivityAssemblies
{
    public static IServiceCollection AddActivityAssemblies(this IServiceCollection services, IEnumerable<string> paths)
    {
        foreach (var path in paths.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new InvalidOperationException($"Engine:ActivityAssemblies names '{full}', which does not exist.");
            }
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
            if (services.AddActivitiesOf(assembly) == 0)
            {
                throw new InvalidOperationException($"'{full}' has no public [Activity] handler.");
            }
        }
        return services;
    }

    /// <summary>Registers every public [Activity] handler of the assembly (the product's own: Ctms.Activities); returns how many.</summary>
    public static int AddActivitiesOf(this IServiceCollection services, Assembly assembly)
    {
        var handlers = assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IActivityHandler).IsAssignableFrom(t) && t.GetCustomAttribute<ActivityAttribute>() is not null)
            .ToList();
        foreach (var handler in handlers)
        {
            services.AddScoped(typeof(IActivityHandler), handler);
        }
        return handlers.Count;
    }
}
