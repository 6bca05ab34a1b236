using Ctms.Engine.Parsing;

namespace Ctms.Engine.Runtime.Activities;

/// <summary>Finds the handler for a service-task type.</summary>
public interface IActivityRegistry : IActivityCatalog
{
    IActivityHandler? Find(string taskType);
}
