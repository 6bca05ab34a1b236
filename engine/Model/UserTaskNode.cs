namespace Ctms.Engine.Model;

/// <summary>A task a person does in their inbox.</summary>
public sealed class UserTaskNode : ActivityNode
{
    internal UserTaskNode(string id, string? name, int line, UserTaskSpec spec) : base(id, name, ElementKind.UserTask, line) => Spec = spec;

    public UserTaskSpec Spec { get; }
}
