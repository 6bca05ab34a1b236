using System.Reflection;

namespace Ctms.Engine.Runtime.Activities;

/// <summary>
/// The host's activities, found by their <see cref="ActivityAttribute"/>: a deploy refuses a service-task type that
/// none of them serves, and the designer lists them with their metadata.
/// </summary>
public sealed class ActivityRegistry : IActivityRegistry
{
    private readonly Dictionary<string, (IActivityHandler Handler, ActivityDescriptor Descriptor)> _byType = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<IActivityHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            var attribute = handler.GetType().GetCustomAttribute<ActivityAttribute>()
                            ?? throw new InvalidOperationException($"{handler.GetType().Name} has no [Activity(\"type\")] attribute.");
            if (!_byType.TryAdd(attribute.Type, (handler, new ActivityDescriptor(attribute.Type, attribute.Category, attribute.Description, attribute.Inputs, attribute.Outputs))))
            {
                throw new InvalidOperationException($"Two activities serve the task type '{attribute.Type}'.");
            }
        }
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors => [.. _byType.Values.Select(v => v.Descriptor).OrderBy(d => d.Category).ThenBy(d => d.Type)];

    public bool IsRegistered(string taskType) => _byType.ContainsKey(taskType);

    public IActivityHandler? Find(string taskType) => _byType.TryGetValue(taskType, out var entry) ? entry.Handler : null;
}
