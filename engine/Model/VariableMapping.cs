namespace Ctms.Engine.Model;

/// <summary>One <c>zeebe:input</c> or <c>zeebe:output</c>: evaluate <see cref="Source"/>, write it to <see cref="Target"/> (a name or a dotted path).</summary>
public sealed record VariableMapping(EngineExpression Source, string Target);
