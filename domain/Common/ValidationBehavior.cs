using Mediator;

namespace Ctms.Domain.Common;

/// <summary>Runs <see cref="IValidatable.Validate"/> before any handler of a validatable message.</summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidatable validatable)
        {
            var v = new Validator();
            validatable.Validate(v);
            v.ThrowIfInvalid();
        }
        return next(message, cancellationToken);
    }
}
