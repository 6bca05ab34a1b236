namespace Ctms.Engine.Model;

/// <summary>Where an element stands in its XML: id, BPMN element type and line, for every validation message.</summary>
public readonly record struct SourceLocation(string? ElementId, string ElementType, int Line)
{
    public override string ToString() => $"{ElementType} '{ElementId ?? "(no id)"}' at line {Line}";
}
