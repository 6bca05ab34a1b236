namespace Ctms.Activities;

/// <summary>
/// Names this assembly for the host, which registers every public <c>[Activity]</c> handler in it. One folder per module
/// (Projects, Documents, Notifications...), each handler a thin wrapper of one domain command: it reads the service
/// task's variables, sends the command (which checks, writes and audits in the command's transaction) and returns
/// the outputs the process needs.
/// </summary>
public static class ActivitiesAssembly;
