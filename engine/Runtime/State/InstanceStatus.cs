namespace Ctms.Engine.Runtime.State;

public enum InstanceStatus
{
    Active,
    Completed,
    Terminated,
}
