using System.Text;

namespace Ctms.Engine.Feel.Values;

/// <summary>The FEEL string() conversion: strings as is, numbers plain, temporals ISO 8601, lists and contexts in FEEL syntax.</summary>
internal static class FeelText
{
    public static string? ToText(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s;
        }

        var text = new StringBuilder();
        Write(text, value, quoteStrings: false);
        return ValueLimits.CheckString(text.ToString());
    }

    private static void Write(StringBuilder text, object? value, bool quoteStrings)
    {
        if (text.Length > ValueLimits.MaxStringLength)
        {
            throw new FeelEvaluationException($"A string exceeds the limit of {ValueLimits.MaxStringLength} characters.");
        }

        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case decimal d:
                text.Append(FeelFormat.Number(d));
                break;
            case string s:
                text.Append(quoteStrings ? Quote(s) : s);
                break;
            case IReadOnlyList<object?> list:
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Write(text, list[i], quoteStrings: true);
                }

                text.Append(']');
                break;
            case IReadOnlyDictionary<string, object?> map:
                text.Append('{');
                var first = true;
                foreach (var (key, item) in map)
                {
                    text.Append(first ? string.Empty : ", ").Append(key).Append(": ");
                    Write(text, item, quoteStrings: true);
                    first = false;
                }

                text.Append('}');
                break;
            default:
                text.Append(FeelFormat.Iso(value) ?? value.ToString());
                break;
        }
    }

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
