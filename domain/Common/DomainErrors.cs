namespace Ctms.Domain.Common;

/// <summary>A request the domain refuses because its input is invalid; the API answers 400 with the field errors.</summary>
public sealed class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static DomainValidationException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The thing asked for does not exist, or the caller may not know that it exists; the API answers 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The change collides with the current state (a duplicate, a stale version); the API answers 409.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The caller is known but their role does not allow the action; the API answers 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
