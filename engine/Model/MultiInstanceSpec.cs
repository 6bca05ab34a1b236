namespace Ctms.Engine.Model;

/// <summary>A multi-instance marker with its <c>zeebe:loopCharacteristics</c>.</summary>
public sealed record MultiInstanceSpec(
    bool IsSequential,
    EngineExpression InputCollection,
    string? InputElement,
    string? OutputCollection,
    EngineExpression? OutputElement,
    EngineExpression? CompletionCondition);
