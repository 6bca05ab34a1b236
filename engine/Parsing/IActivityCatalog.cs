namespace Ctms.Engine.Parsing;

/// <summary>The service-task types the host has activities for; a real deploy refuses a type it does not know.</summary>
public interface IActivityCatalog
{
    bool IsRegistered(string taskType);
}
