namespace Ctms.Domain.Common;

/// <summary>
/// A command that checks its own fields. The validation pipeline behaviour runs it before the handler,
/// so every entry point (REST, studio, CLI, a process activity) gets the same rules.
/// </summary>
public interface IValidatable
{
    void Validate(Validator v);
}
