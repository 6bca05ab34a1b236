namespace Ctms.Engine.Runtime.Activities;

/// <summary>
/// An activity refuses the command that reached it: a person asked for something the domain does not allow (a project
/// number already taken, a move the life cycle forbids). The engine does not retry it or raise an incident: the
/// exception leaves the command, whose transaction is rolled back, so the user task that led here stays open and the
/// person is told why (<see cref="Exception.InnerException"/> is the domain's refusal). A host throws it only for a
/// person's command; a job's failure is a technical failure, retried and then an incident.
/// </summary>
public sealed class ActivityRefusedException(Exception refusal) : Exception(refusal.Message, refusal);
