namespace Ctms.Engine.Runtime.State;

public enum ElementStatus
{
    Active,
    Completed,
    Terminated,
}
