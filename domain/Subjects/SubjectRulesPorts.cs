using System.Text.Json.Nodes;

namespace Ctms.Domain.Subjects;

/// <summary>
/// The FEEL the subjects module needs (eligibility criteria, e-CRF edit checks), behind a port because the domain does
/// not reference the engine: the host implements it with the engine's FEEL, so a criterion means in the subjects module
/// exactly what the same expression means in a process.
/// </summary>
public interface IConditionEvaluator
{
    /// <summary>Null when the expression parses; otherwise the parser's message.</summary>
    string? SyntaxError(string expression);

    /// <summary>The expression over <paramref name="data"/>: true, false, or null when it cannot be decided (a missing value, a type error, not a boolean).</summary>
    bool? Evaluate(string expression, JsonObject data);
}

/// <summary>
/// Checks e-CRF data against the page's form-js schema on the server (required, ranges, patterns, types), with the same
/// rules as task forms (the engine's <c>FormValidator</c>); implemented by the host.
/// </summary>
public interface IEcrfFormChecker
{
    /// <summary>Null when <paramref name="schema"/> is a form-js schema with at least one field; otherwise why not.</summary>
    string? SchemaError(string schema);

    /// <summary>The page's data as kept: only the form's fields. Throws a <see cref="Common.DomainValidationException"/> keyed by field.</summary>
    JsonObject Check(string pageCode, string schema, JsonObject data);
}
