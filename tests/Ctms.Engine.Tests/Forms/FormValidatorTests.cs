using Ctms.Engine.Feel;
using Ctms.Engine.Forms;

namespace Ctms.Engine.Tests.Forms;

/// <summary>The server's check of a submitted task form against its form-js schema, one rule at a time.</summary>
public sealed class FormValidatorTests
{
    private static string Form(string components) => $$"""{ "id": "f", "type": "default", "components": [ {{components}} ] }""";

    private static Dictionary<string, object?> Data(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => FeelValues.Normalize(v.Value), StringComparer.Ordinal);

    private static IReadOnlyDictionary<string, string[]> Errors(string schema, Dictionary<string, object?> data, Dictionary<string, object?>? current = null) =>
        Should.Throw<FormValidationException>(() => FormValidator.Validate("f", schema, data, current)).Errors;

    [Fact]
    public void A_required_field_that_is_missing_or_empty_is_refused_under_its_key()
    {
        var schema = Form("""{ "type": "textfield", "id": "F1", "key": "name", "validate": { "required": true } }""");
        Errors(schema, Data())["name"].ShouldBe(["Field is required."]);
        Errors(schema, Data(("name", "")))["name"].ShouldBe(["Field is required."]);
        FormValidator.Validate("f", schema, Data(("name", "Ada")))["name"].ShouldBe("Ada");
    }

    [Fact]
    public void Text_lengths_patterns_email_and_phone_are_checked_like_form_js()
    {
        var schema = Form("""
            { "type": "textfield", "key": "code", "validate": { "minLength": 3, "maxLength": 5, "pattern": "^[A-Z]+$" } },
            { "type": "textfield", "key": "mail", "validate": { "validationType": "email" } },
            { "type": "textfield", "key": "tel", "validate": { "validationType": "phone" } }
            """);
        var errors = Errors(schema, Data(("code", "ab"), ("mail", "not-an-address"), ("tel", "12345")));
        errors["code"].ShouldBe(["Field must have minimum length of 3.", "Field must match pattern ^[A-Z]+$."]);
        errors["mail"].ShouldBe(["Field must be a valid email."]);
        errors["tel"].ShouldHaveSingleItem().ShouldStartWith("Field must be a valid international phone number");
        Errors(schema, Data(("code", "ABCDEF")))["code"].ShouldBe(["Field must have maximum length of 5."]);
        var ok = FormValidator.Validate("f", schema, Data(("code", "ABC"), ("mail", "ada@example.org"), ("tel", "+4930664040900")));
        ok.Keys.ShouldBe(["code", "mail", "tel"], ignoreOrder: true);
    }

    [Fact]
    public void A_pattern_message_of_the_author_is_used_and_a_catastrophic_pattern_times_out_as_an_error()
    {
        var schema = Form("""
            { "type": "textfield", "key": "id", "validate": { "pattern": "^S-\\d{3}$", "patternErrorMessage": "Use S-000." } },
            { "type": "textfield", "key": "slow", "validate": { "pattern": "^(a+)+$" } }
            """);
        var errors = Errors(schema, Data(("id", "S-1"), ("slow", new string('a', 40) + "!")));
        errors["id"].ShouldBe(["Use S-000."]);
        errors["slow"].ShouldBe(["The value could not be checked against the field's pattern in time."]);
    }

    [Fact]
    public void Numbers_must_be_numbers_within_min_max_digits_and_increment()
    {
        var schema = Form("""
            { "type": "number", "key": "age", "decimalDigits": 0, "validate": { "min": 18, "max": 99 } },
            { "type": "number", "key": "dose", "increment": "0.5" },
            { "type": "number", "key": "text", "serializeToString": true }
            """);
        Errors(schema, Data(("age", "twenty")))["age"].ShouldBe(["Value is not a number."]);
        Errors(schema, Data(("age", 17)))["age"].ShouldBe(["Field must have minimum value of 18."]);
        Errors(schema, Data(("age", 100)))["age"].ShouldBe(["Field must have maximum value of 99."]);
        Errors(schema, Data(("age", 20.5m)))["age"].ShouldBe(["Value is expected to be an integer."]);
        Errors(schema, Data(("dose", 1.2m)))["dose"].ShouldHaveSingleItem().ShouldContain("1.0 and 1.5");
        var ok = FormValidator.Validate("f", schema, Data(("age", 20), ("dose", 1.5m), ("text", "12.5")));
        ok["age"].ShouldBe(20m);
        ok["text"].ShouldBe("12.5");
    }

    [Fact]
    public void A_required_checkbox_must_be_checked_and_a_checkbox_is_a_boolean()
    {
        var schema = Form("""{ "type": "checkbox", "key": "consent", "validate": { "required": true } }""");
        Errors(schema, Data(("consent", false)))["consent"].ShouldBe(["Field is required."]);
        Errors(schema, Data(("consent", "yes")))["consent"].ShouldBe(["Must be true or false."]);
        FormValidator.Validate("f", schema, Data(("consent", true)))["consent"].ShouldBe(true);
    }

    [Fact]
    public void Options_outside_a_static_list_are_refused_for_radio_select_checklist_and_taglist()
    {
        const string values = """ "values": [ { "label": "Yes", "value": "yes" }, { "label": "No", "value": "no" } ] """;
        var schema = Form($$"""
            { "type": "radio", "key": "r", {{values}} },
            { "type": "select", "key": "s", {{values}} },
            { "type": "checklist", "key": "c", {{values}}, "validate": { "required": true } },
            { "type": "taglist", "key": "t", {{values}} },
            { "type": "select", "key": "dynamic", "valuesKey": "choices" }
            """);
        var errors = Errors(schema, Data(("r", "maybe"), ("s", "never"), ("c", new List<object?>()), ("t", new List<object?> { "yes", "other" }), ("dynamic", "any")));
        errors["r"].ShouldBe(["'maybe' is not one of the field's options."]);
        errors["s"].ShouldBe(["'never' is not one of the field's options."]);
        errors["c"].ShouldBe(["Field is required."]);
        errors["t"].ShouldBe(["'other' is not one of the field's options."]);
        errors.ShouldNotContainKey("dynamic");
        Errors(schema, Data(("c", "yes")))["c"].ShouldBe(["Must be a list of options."]);
        var ok = FormValidator.Validate("f", schema, Data(("r", "yes"), ("s", "no"), ("c", new List<object?> { "yes", "no" }), ("t", new List<object?> { "no" })));
        ok["c"].ShouldBe(new List<object?> { "yes", "no" });
    }

    [Fact]
    public void Dates_times_and_date_times_must_be_in_the_formats_form_js_writes()
    {
        var schema = Form("""
            { "type": "datetime", "key": "d", "subtype": "date" },
            { "type": "datetime", "key": "t", "subtype": "time" },
            { "type": "datetime", "key": "dt", "subtype": "datetime" }
            """);
        var errors = Errors(schema, Data(("d", "2026-02-30"), ("t", "25:00"), ("dt", "2026-01-01 10:00")));
        errors["d"].ShouldBe(["Must be a date (YYYY-MM-DD)."]);
        errors["t"].ShouldHaveSingleItem().ShouldStartWith("Must be a time");
        errors["dt"].ShouldHaveSingleItem().ShouldStartWith("Must be a date and time");
        FormValidator.Validate("f", schema, Data(("d", "2026-02-28"), ("t", "10:30+08:00"), ("dt", "2026-01-01T10:00Z"))).Count.ShouldBe(3);
        FormValidator.Validate("f", schema, Data(("t", "10:30"), ("dt", "2026-01-01T10:00"))).Count.ShouldBe(2);
    }

    [Fact]
    public void Disabled_and_read_only_fields_and_names_outside_the_form_are_not_taken_from_the_browser()
    {
        var schema = Form("""
            { "type": "textfield", "key": "subject", "disabled": true, "validate": { "required": true } },
            { "type": "number", "key": "score", "readonly": true },
            { "type": "number", "key": "locked", "readonly": "=score > 5" },
            { "type": "textfield", "key": "note" }
            """);
        var taken = FormValidator.Validate("f", schema, Data(("subject", "forged"), ("score", 99), ("locked", 1), ("note", "ok"), ("approved", true)),
            current: Data(("score", 7)));
        taken.Keys.ShouldBe(["note"]);
    }

    [Fact]
    public void A_field_hidden_by_its_condition_is_not_required_and_its_value_is_dropped()
    {
        var schema = Form("""
            { "type": "checkbox", "key": "adverse" },
            { "type": "textarea", "key": "details", "validate": { "required": true }, "conditional": { "hide": "=adverse != true" } }
            """);
        var taken = FormValidator.Validate("f", schema, Data(("adverse", false), ("details", "stale")));
        taken.Keys.ShouldBe(["adverse"]);
        Errors(schema, Data(("adverse", true)))["details"].ShouldBe(["Field is required."]);
    }

    [Fact]
    public void Fields_inside_groups_with_a_path_and_dynamic_lists_are_keyed_by_their_dotted_path()
    {
        var schema = Form("""
            { "type": "group", "path": "site", "components": [
                { "type": "textfield", "key": "name", "validate": { "required": true } },
                { "type": "text", "text": "# Site" } ] },
            { "type": "group", "components": [ { "type": "number", "key": "flat", "validate": { "min": 1 } } ] },
            { "type": "dynamiclist", "path": "visits", "isRepeating": true, "components": [
                { "type": "datetime", "key": "on", "subtype": "date", "validate": { "required": true } } ] }
            """);
        var errors = Errors(schema, Data(("site", new Dictionary<string, object?> { ["name"] = "" }), ("flat", 0),
            ("visits", new List<object?> { new Dictionary<string, object?> { ["on"] = "2026-01-05" }, new Dictionary<string, object?> { ["on"] = "soon" } })));
        errors.Keys.ShouldBe(["site.name", "flat", "visits.1.on"], ignoreOrder: true);
        var ok = FormValidator.Validate("f", schema, Data(("site", new Dictionary<string, object?> { ["name"] = "Ward 3", ["extra"] = 1 }), ("flat", 2),
            ("visits", new List<object?> { new Dictionary<string, object?> { ["on"] = "2026-01-05" } })));
        ((IReadOnlyDictionary<string, object?>)ok["site"]!).Keys.ShouldBe(["name"]);
        ((List<object?>)ok["visits"]!).Count.ShouldBe(1);
    }

    [Fact]
    public void A_dotted_key_binds_a_nested_value_and_min_may_be_a_feel_expression()
    {
        var schema = Form("""{ "type": "number", "key": "dose.mg", "validate": { "min": "=minimum" } }""");
        Errors(schema, Data(("dose", new Dictionary<string, object?> { ["mg"] = 5 })), current: Data(("minimum", 10)))["dose.mg"]
            .ShouldBe(["Field must have minimum value of 10."]);
        var ok = FormValidator.Validate("f", schema, Data(("dose", new Dictionary<string, object?> { ["mg"] = 12 })), current: Data(("minimum", 10)));
        ((IReadOnlyDictionary<string, object?>)ok["dose"]!)["mg"].ShouldBe(12m);
    }

    [Fact]
    public void An_expression_field_is_computed_on_the_server_whatever_the_browser_sent()
    {
        var schema = Form("""
            { "type": "number", "key": "weight" },
            { "type": "number", "key": "height" },
            { "type": "expression", "key": "bmi", "expression": "=weight / (height * height)", "computeOn": "change" }
            """);
        FormValidator.Validate("f", schema, Data(("weight", 80), ("height", 2), ("bmi", 1)))["bmi"].ShouldBe(20m);
    }
}
