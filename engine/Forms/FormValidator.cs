using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ctms.Engine.Feel;

namespace Ctms.Engine.Forms;

/// <summary>
/// Checks the data submitted for a task form against the form's form-js schema on the server, with the rules form-js
/// applies in the browser (required, minLength, maxLength, min, max, pattern, email, phone), the value types the viewer
/// writes, and static option lists: the browser's own validation is a convenience, never the guard.
/// <para>
/// Only the form's fields are taken from a submission: a value for a disabled or read-only field, a hidden field (its
/// <c>conditional.hide</c> FEEL is true over the submitted data) or a name that is no field of the form is left out, so
/// the process keeps the variable it had. An expression field's value is computed here from the submitted data. Options filled at run time (<c>valuesKey</c>, <c>valuesExpression</c>) are
/// not checked against a list: only a static <c>values</c> list is known here.
/// </para>
/// </summary>
public static class FormValidator
{
    // form-js's own patterns (form-js-viewer 1.x Validator), so that what the browser accepts the server accepts too.
    private static readonly Regex Email = new(
        @"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

    private static readonly Regex Phone = new(
        @"(\+|00)(297|93|244|1264|358|355|376|971|54|374|1684|1268|61|43|994|257|32|229|226|880|359|973|1242|387|590|375|501|1441|591|55|1246|673|975|267|236|1|61|41|56|86|225|237|243|242|682|57|269|238|506|53|5999|61|1345|357|420|49|253|1767|45|1809|1829|1849|213|593|20|291|212|34|372|251|358|679|500|33|298|691|241|44|995|44|233|350|224|590|220|245|240|30|1473|299|502|594|1671|592|852|504|385|509|36|62|44|91|246|353|98|964|354|972|39|1876|44|962|81|76|77|254|996|855|686|1869|82|383|965|856|961|231|218|1758|423|94|266|370|352|371|853|590|212|377|373|261|960|52|692|389|223|356|95|382|976|1670|258|222|1664|596|230|265|60|262|264|687|227|672|234|505|683|31|47|977|674|64|968|92|507|64|51|63|680|675|48|1787|1939|850|351|595|970|689|974|262|40|7|250|966|249|221|65|500|4779|677|232|503|378|252|508|381|211|239|597|421|386|46|268|1721|248|963|1649|235|228|66|992|690|993|670|676|1868|216|90|688|886|255|256|380|598|1|998|3906698|379|1784|58|1284|1340|84|678|681|685|967|27|260|263)(9[976]\d|8[987530]\d|6[987]\d|5[90]\d|42\d|3[875]\d|2[98654321]\d|9[8543210]|8[6421]|6[6543210]|5[87654321]|4[987654310]|3[9643210]|2[70]|7|1)\d{4,20}$",
        RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));

    // The time part as form-js writes it: HH:mm, then nothing, "Z" or an offset (the field's timeSerializingFormat).
    private static readonly Regex Time = new(@"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$", RegexOptions.CultureInvariant);

    /// <summary>How long an author's pattern may take on one value: a pathological regex must not hold a request.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal) { "group", "dynamiclist" };

    /// <summary>
    /// Validates <paramref name="submitted"/> against the form and returns the variables to apply: the submitted
    /// values of the form's enabled, visible fields (groups with a path as nested contexts, dynamic lists as lists).
    /// </summary>
    /// <param name="formId">The form's id, for the exception.</param>
    /// <param name="schema">The form-js JSON.</param>
    /// <param name="submitted">The submitted variables (host or FEEL values).</param>
    /// <param name="current">The variables the task sees now: hide conditions read them where the submission has no value.</param>
    /// <exception cref="FormValidationException">A field's value breaks a rule; the errors are keyed by the field's key (a dotted path).</exception>
    public static IReadOnlyDictionary<string, object?> Validate(string formId, string schema, IReadOnlyDictionary<string, object?>? submitted,
        IReadOnlyDictionary<string, object?>? current = null)
    {
        var root = JsonNode.Parse(schema) as JsonObject ?? throw new ArgumentException("A form-js schema is a JSON object.", nameof(schema));
        var data = Context(submitted);
        var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in current ?? new Dictionary<string, object?>())
        {
            scope[key] = FeelValues.Normalize(value);
        }
        foreach (var (key, value) in data)
        {
            scope[key] = value;
        }
        var run = new Run(scope);
        var output = new Dictionary<string, object?>(StringComparer.Ordinal);
        run.Components(root["components"] as JsonArray, data, output, "", parent: null);
        if (run.Errors.Count > 0)
        {
            throw new FormValidationException(formId, run.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
        return output.ToDictionary(p => p.Key, p => FeelValues.Normalize(p.Value), StringComparer.Ordinal);
    }

    private static IReadOnlyDictionary<string, object?> Context(object? value) =>
        FeelValues.Normalize(value) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();

    private sealed class Run(IReadOnlyDictionary<string, object?> root)
    {
        public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

        /// <summary>Walks a list of components: <paramref name="data"/> is the submitted data at this level, <paramref name="prefix"/> its key path.</summary>
        public void Components(JsonArray? components, IReadOnlyDictionary<string, object?> data, Dictionary<string, object?> output, string prefix,
            IReadOnlyDictionary<string, object?>? parent)
        {
            foreach (var component in (components ?? []).OfType<JsonObject>())
            {
                var type = Text(component["type"]) ?? "";
                if (Hidden(component, data, parent))
                {
                    continue;
                }
                if (Containers.Contains(type))
                {
                    Container(component, type, data, output, prefix, parent);
                    continue;
                }
                if (type == "expression" && Text(component["key"]) is { Length: > 0 } computed)
                {
                    // A computed field's value is computed again here from the submitted data, never taken from the browser.
                    Set(output, computed.Split('.'), component["expression"] is { } expression ? Evaluate(expression, data, parent) : null);
                    continue;
                }
                if (Text(component["key"]) is not { Length: > 0 } key || !Keyed(type))
                {
                    continue;
                }
                if (Flag(component["disabled"]) || ReadOnly(component, data, parent))
                {
                    continue;
                }
                var path = key.Split('.');
                var present = TryGet(data, path, out var value);
                var field = prefix + key;
                var accepted = Field(component, type, field, value, data, parent);
                if (present && accepted)
                {
                    Set(output, path, value);
                }
            }
        }

        private void Container(JsonObject component, string type, IReadOnlyDictionary<string, object?> data, Dictionary<string, object?> output, string prefix,
            IReadOnlyDictionary<string, object?>? parent)
        {
            var children = component["components"] as JsonArray;
            var path = Text(component["path"]) is { Length: > 0 } p ? p.Split('.') : null;
            if (type == "dynamiclist" && path is not null && component["isRepeating"]?.GetValueKind() != System.Text.Json.JsonValueKind.False)
            {
                if (!TryGet(data, path, out var value) || value is null)
                {
                    return;
                }
                var listKey = prefix + string.Join('.', path);
                if (value is not List<object?> items)
                {
                    Add(listKey, "Must be a list.");
                    return;
                }
                var rows = new List<object?>();
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not IReadOnlyDictionary<string, object?> item)
                    {
                        Add($"{listKey}.{i}", "Each entry of the list must be an object.");
                        continue;
                    }
                    var row = new Dictionary<string, object?>(StringComparer.Ordinal);
                    Components(children, item, row, $"{listKey}.{i}.", data);
                    rows.Add(row);
                }
                Set(output, path, rows);
                return;
            }
            if (path is null)
            {
                // A group without a path only lays its fields out: they bind at this level.
                Components(children, data, output, prefix, parent);
                return;
            }
            TryGet(data, path, out var nested);
            if (nested is not null and not IReadOnlyDictionary<string, object?>)
            {
                Add(prefix + string.Join('.', path), "Must be an object.");
                return;
            }
            var inner = new Dictionary<string, object?>(StringComparer.Ordinal);
            Components(children, nested as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(), inner, prefix + string.Join('.', path) + ".", data);
            if (inner.Count > 0)
            {
                Set(output, path, inner);
            }
        }

        /// <summary>Checks one field's value; false when the value is not taken (a wrong type).</summary>
        private bool Field(JsonObject component, string type, string field, object? value, IReadOnlyDictionary<string, object?> data,
            IReadOnlyDictionary<string, object?>? parent)
        {
            var validate = component["validate"] as JsonObject;
            var before = Errors.Count;
            var empty = value is null || value is "" || value is List<object?> { Count: 0 } || (type == "checkbox" && value is false);
            if (Flag(validate?["required"]) && empty)
            {
                Add(field, "Field is required.");
                return false;
            }
            if (value is null)
            {
                return true;
            }
            switch (type)
            {
                case "textfield" or "textarea":
                    if (value is not string text)
                    {
                        Add(field, "Must be text.");
                        break;
                    }
                    TextRules(field, text, validate, data, parent);
                    break;
                case "number":
                    Number(component, field, value, validate, data, parent);
                    break;
                case "checkbox":
                    if (value is not bool)
                    {
                        Add(field, "Must be true or false.");
                    }
                    break;
                case "radio" or "select":
                    if (value is "" && type == "select")
                    {
                        break;
                    }
                    Option(component, field, value);
                    break;
                case "checklist" or "taglist":
                    if (value is not List<object?> list)
                    {
                        Add(field, "Must be a list of options.");
                        break;
                    }
                    foreach (var item in list)
                    {
                        Option(component, field, item);
                    }
                    break;
                case "datetime":
                    DateTime(component, field, value);
                    break;
            }
            return Errors.Count == before;
        }

        private void TextRules(string field, string text, JsonObject? validate, IReadOnlyDictionary<string, object?> data, IReadOnlyDictionary<string, object?>? parent)
        {
            if (text.Length == 0 || validate is null)
            {
                return;
            }
            // form-js measures the trimmed text and searches (not anchors) the pattern; the same here.
            var length = text.Trim().Length;
            if (Limit(validate["minLength"], data, parent) is { } min && length < min)
            {
                Add(field, $"Field must have minimum length of {min.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (Limit(validate["maxLength"], data, parent) is { } max && length > max)
            {
                Add(field, $"Field must have maximum length of {max.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (Text(validate["pattern"]) is { Length: > 0 } pattern)
            {
                try
                {
                    if (!Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout))
                    {
                        Add(field, Text(validate["patternErrorMessage"]) is { Length: > 0 } message ? message : $"Field must match pattern {pattern}.");
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    Add(field, "The value could not be checked against the field's pattern in time.");
                }
                catch (ArgumentException)
                {
                    Add(field, $"The field's pattern {pattern} is not a valid regular expression.");
                }
            }
            switch (Text(validate["validationType"]))
            {
                case "email" when !Email.IsMatch(text):
                    Add(field, "Field must be a valid email.");
                    break;
                case "phone" when !Phone.IsMatch(text):
                    Add(field, "Field must be a valid international phone number (e.g. +4930664040900).");
                    break;
            }
        }

        private void Number(JsonObject component, string field, object? value, JsonObject? validate, IReadOnlyDictionary<string, object?> data,
            IReadOnlyDictionary<string, object?>? parent)
        {
            decimal number;
            if (value is decimal d)
            {
                number = d;
            }
            else if (value is string s && Flag(component["serializeToString"])
                     && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                number = parsed;
            }
            else
            {
                Add(field, "Value is not a number.");
                return;
            }
            if (component["decimalDigits"] is JsonValue digitsNode && Decimal(digitsNode) is { } digits && digits >= 0 && Scale(number) > digits)
            {
                Add(field, digits == 0 ? "Value is expected to be an integer." : $"Value is expected to have at most {digits} decimal digit{(digits > 1 ? "s" : "")}.");
            }
            if (component["increment"] is JsonNode incrementNode && Decimal(incrementNode) is { } increment && increment > 0 && number % increment != 0)
            {
                var previous = number - number % increment;
                Add(field, $"Please select a valid value, the two nearest valid values are {previous.ToString(CultureInfo.InvariantCulture)} and {(previous + increment).ToString(CultureInfo.InvariantCulture)}.");
            }
            if (validate is null)
            {
                return;
            }
            if (Limit(validate["min"], data, parent) is { } min && number < min)
            {
                Add(field, $"Field must have minimum value of {min.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (Limit(validate["max"], data, parent) is { } max && number > max)
            {
                Add(field, $"Field must have maximum value of {max.ToString(CultureInfo.InvariantCulture)}.");
            }
        }

        private void Option(JsonObject component, string field, object? value)
        {
            if (value is not string and not decimal and not bool)
            {
                Add(field, "Must be one of the field's options.");
                return;
            }
            if (component["values"] is not JsonArray options)
            {
                return;
            }
            var allowed = options.OfType<JsonObject>().Select(o => FeelValues.FromJsonNode(o["value"]?.DeepClone()));
            if (!allowed.Any(o => Equals(o, value)))
            {
                Add(field, $"'{FeelValues.ToFeelString(value)}' is not one of the field's options.");
            }
        }

        private void DateTime(JsonObject component, string field, object? value)
        {
            if (value is not string text)
            {
                Add(field, "Must be a date or time as text.");
                return;
            }
            var subtype = Text(component["subtype"]) ?? "date";
            var valid = subtype switch
            {
                "time" => Time.IsMatch(text),
                "datetime" => text.Length > 11 && text[10] == 'T' && IsDate(text[..10]) && Time.IsMatch(text[11..]),
                _ => IsDate(text),
            };
            if (!valid)
            {
                Add(field, subtype switch
                {
                    "time" => "Must be a time (HH:mm, optionally with Z or an offset).",
                    "datetime" => "Must be a date and time (YYYY-MM-DDTHH:mm, optionally with Z or an offset).",
                    _ => "Must be a date (YYYY-MM-DD).",
                });
            }
        }

        private static bool IsDate(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        private bool Hidden(JsonObject component, IReadOnlyDictionary<string, object?> data, IReadOnlyDictionary<string, object?>? parent) =>
            (component["conditional"] as JsonObject)?["hide"] is JsonNode hide && Evaluate(hide, data, parent) is true;

        private bool ReadOnly(JsonObject component, IReadOnlyDictionary<string, object?> data, IReadOnlyDictionary<string, object?>? parent) =>
            component["readonly"] is JsonNode node && (Flag(node) || (Text(node) is { } text && text.StartsWith('=') && Evaluate(node, data, parent) is true));

        /// <summary>A number in a rule, or a FEEL expression (<c>=...</c>) that gives one, as form-js allows for min, max and the lengths.</summary>
        private decimal? Limit(JsonNode? node, IReadOnlyDictionary<string, object?> data, IReadOnlyDictionary<string, object?>? parent) =>
            node is null ? null : Text(node) is { } text && text.StartsWith('=') ? Evaluate(node, data, parent) as decimal? : Decimal(node);

        /// <summary>
        /// A form-js expression (<c>=...</c>) over the data as the viewer sees it: the form's variables, with <c>this</c>
        /// the current level (a group's path, a list entry) and <c>parent</c> the level above. An expression that does not
        /// parse or fails gives null, as in the viewer.
        /// </summary>
        private object? Evaluate(JsonNode node, IReadOnlyDictionary<string, object?> data, IReadOnlyDictionary<string, object?>? parent)
        {
            if (Text(node) is not { } text)
            {
                return Flag(node);
            }
            if (!text.StartsWith('='))
            {
                return null;
            }
            var variables = new Dictionary<string, object?>(root, StringComparer.Ordinal)
            {
                ["this"] = data,
                ["parent"] = parent,
            };
            try
            {
                return FeelParser.Parse(text[1..]).Evaluate(new FeelVariables(variables));
            }
            catch (Exception e) when (e is FeelSyntaxException or FeelEvaluationException)
            {
                return null;
            }
        }

        private void Add(string field, string message)
        {
            if (!Errors.TryGetValue(field, out var messages))
            {
                Errors[field] = messages = [];
            }
            messages.Add(message);
        }
    }

    private static readonly HashSet<string> KeyedTypes = new(StringComparer.Ordinal)
    {
        "textfield", "textarea", "number", "checkbox", "checklist", "radio", "select", "taglist", "datetime",
    };

    /// <summary>Field types that bind a value; presentation components (text, html, image, spacer, separator, iframe, button) do not.</summary>
    private static bool Keyed(string type) => KeyedTypes.Contains(type);

    private static bool TryGet(IReadOnlyDictionary<string, object?> data, string[] path, out object? value)
    {
        value = null;
        IReadOnlyDictionary<string, object?>? level = data;
        for (var i = 0; i < path.Length; i++)
        {
            if (level is null || !level.TryGetValue(path[i], out var next))
            {
                value = null;
                return false;
            }
            if (i == path.Length - 1)
            {
                value = next;
                return true;
            }
            level = next as IReadOnlyDictionary<string, object?>;
        }
        return false;
    }

    private static void Set(Dictionary<string, object?> output, string[] path, object? value)
    {
        var level = output;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!level.TryGetValue(path[i], out var next) || next is not Dictionary<string, object?> nested)
            {
                level[path[i]] = nested = new Dictionary<string, object?>(StringComparer.Ordinal);
            }
            level = nested;
        }
        level[path[^1]] = value;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;

    private static bool Flag(JsonNode? node) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private static decimal? Decimal(JsonNode node) => node is JsonValue v
        ? v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<decimal>()
        : v.GetValueKind() == System.Text.Json.JsonValueKind.String && decimal.TryParse(v.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
        : null
        : null;

    /// <summary>Decimal places without trailing zeros (1.50 has one): dividing by 1.000… drops them.</summary>
    private static int Scale(decimal value) => decimal.GetBits(value / 1.0000000000000000000000000000m)[3] >> 16 & 0xFF;
}
