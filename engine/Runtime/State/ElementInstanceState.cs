namespace Ctms.Engine.Runtime.State;

/// <summary>One execution of a flow node (or of the process, or of a multi-instance body) in a flow scope.</summary>
public sealed class ElementInstanceState
{
    public Guid Id { get; set; }
    public string ElementId { get; set; } = "";

    /// <summary>The element type (see ElementKind), or multiInstanceBody for the body of a multi-instance activity.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The enclosing scope instance: the process, a subprocess, or a multi-instance body; null for the root.</summary>
    public Guid? ScopeId { get; set; }

    public ElementStatus Status { get; set; }

    /// <summary>Variables local to this instance (input mappings, a subprocess's own variables, the loop item).</summary>
    public Dictionary<string, object?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>On a scope: sequence flows taken into a parallel join and not yet consumed, by flow id.</summary>
    public Dictionary<string, int> JoinTokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sequence flows taken into this scope whose target is not activated yet (always 0 at a wait state).</summary>
    public int PendingFlows { get; set; }

    /// <summary>On a multi-instance inner instance: its 1-based position in the input collection.</summary>
    public int? LoopCounter { get; set; }

    /// <summary>On a multi-instance body: the input collection, as evaluated at activation.</summary>
    public List<object?>? LoopItems { get; set; }

    public int CompletedInstances { get; set; }

    /// <summary>On a call activity: the instance it started.</summary>
    public Guid? CalledInstanceId { get; set; }

    /// <summary>Set while an incident holds this element.</summary>
    public Guid? IncidentId { get; set; }

    /// <summary>Set once the element started to complete: an incident raised from here on (an output mapping, an output
    /// element, a completion condition) is retried by completing again, not by running the element again.</summary>
    public bool Completing { get; set; }

    /// <summary>What waits on this element (jobs, message subscriptions, a user task): closing it looks only for those.</summary>
    public ElementWaits Waits { get; set; }

    /// <summary>On a service task: attempts left before an incident.</summary>
    public int? RetriesLeft { get; set; }
}
