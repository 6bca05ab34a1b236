namespace Ctms.Engine.Forms;

/// <summary>
/// The data submitted for a task's form does not satisfy the form (required, type, range, pattern, options): every
/// failing field's key with its messages. The REST API answers it as a 400 ValidationProblem keyed by field, and the
/// studio shows each message on its field. Nothing was saved.
/// </summary>
public sealed class FormValidationException(string formId, IReadOnlyDictionary<string, string[]> errors)
    : Exception($"The data does not satisfy form '{formId}': {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}")
{
    public string FormId { get; } = formId;

    /// <summary>Field key (a dotted path inside groups) → messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
