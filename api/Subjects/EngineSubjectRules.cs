using System.Text.Json.Nodes;
using Ctms.Domain.Common;
using Ctms.Domain.Subjects;
using Ctms.Engine.Feel;
using Ctms.Engine.Forms;

namespace Ctms.Api.Subjects;

/// <summary>The subjects module's FEEL and form checks, on the engine's FEEL and form validator.</summary>
internal sealed class EngineSubjectRules : IConditionEvaluator, IEcrfFormChecker
{
    public string? SyntaxError(string expression)
    {
        try
        {
            FeelParser.Parse(expression);
            return null;
        }
        catch (FeelSyntaxException e)
        {
            return e.Message;
        }
    }

    public bool? Evaluate(string expression, JsonObject data)
    {
        try
        {
            var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, value) in data)
            {
                variables[key] = FeelValues.FromJsonNode(value);
            }
            return FeelParser.Parse(expression).Evaluate(new FeelVariables(variables)) as bool?;
        }
        catch (Exception e) when (e is FeelSyntaxException or FeelEvaluationException)
        {
            return null;
        }
    }

    public string? SchemaError(string schema)
    {
        try
        {
            if (JsonNode.Parse(schema) is not JsonObject root || root["components"] is not JsonArray components)
            {
                return "An e-CRF page is a form-js schema: a JSON object with a components list.";
            }
            return components.OfType<JsonObject>().Any(HasField) ? null : "The page has no field to enter data in.";
        }
        catch (System.Text.Json.JsonException e)
        {
            return "The schema is not valid JSON: " + e.Message;
        }

        static bool HasField(JsonObject component) =>
            component["key"] is JsonValue || (component["components"] is JsonArray inner && inner.OfType<JsonObject>().Any(HasField));
    }

    public JsonObject Check(string pageCode, string schema, JsonObject data)
    {
        var submitted = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            submitted[key] = FeelValues.FromJsonNode(value);
        }
        try
        {
            var kept = FormValidator.Validate(pageCode, schema, submitted);
            var result = new JsonObject();
            foreach (var (key, value) in kept)
            {
                result[key] = FeelValues.ToJsonNode(value);
            }
            return result;
        }
        catch (FormValidationException e)
        {
            throw new DomainValidationException(e.Errors);
        }
    }
}
