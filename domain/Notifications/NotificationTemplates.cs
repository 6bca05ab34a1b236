using System.Collections.Concurrent;
using System.Globalization;
using Fluid;

namespace Ctms.Domain.Notifications;

/// <summary>Where the notification templates are: <c>process-definitions/templates/</c> of the repository by default.</summary>
public sealed class NotificationOptions
{
    public string TemplatesPath { get; set; } = "";
}

/// <summary>A rendered message: its subject line and its plain-text body.</summary>
public sealed record RenderedMessage(string Subject, string Body);

/// <summary>
/// Renders a notification from its Liquid template (Fluid). A template is a file <c>&lt;name&gt;.&lt;culture&gt;.liquid</c>
/// (<c>en</c>, <c>zh-CN</c>) whose first line is <c>subject: ...</c> (itself Liquid) and whose rest is the body; a
/// culture without its own file falls back to English. The model is the process's variables, as they are.
/// An administrator's override (<see cref="TemplateOverride"/>) has the same format; <see cref="NotificationRenderer"/>
/// picks it before the file.
/// </summary>
public sealed class NotificationTemplates(NotificationOptions options)
{
    public const string DefaultCulture = "en";
    private const string SubjectPrefix = "subject:";
    private const int ParsedSourcesKept = 500;

    /// <summary>The languages a template can be written in.</summary>
    public static readonly IReadOnlyList<string> Cultures = [DefaultCulture, "zh-CN"];

    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, (DateTime Modified, ParsedTemplate Template)> _files = new();
    private readonly ConcurrentDictionary<string, ParsedTemplate> _sources = new(StringComparer.Ordinal);

    /// <summary>True when a template of that name exists (in English, at least).</summary>
    public bool Exists(string name) => IsSafeName(name) && File.Exists(PathOf(name, DefaultCulture));

    /// <summary>True when <paramref name="culture"/> is one a template can be written in (<c>en</c>, <c>zh-CN</c>).</summary>
    public static bool IsCulture(string? culture) => culture is not null && Cultures.Contains(culture, StringComparer.Ordinal);

    /// <summary>The names of the templates in the folder (those with an English file), sorted.</summary>
    public IReadOnlyList<string> Names() =>
        !Directory.Exists(options.TemplatesPath) ? [] :
        [.. Directory.EnumerateFiles(options.TemplatesPath, $"*.{DefaultCulture}.liquid")
            .Select(p => Path.GetFileName(p)[..^$".{DefaultCulture}.liquid".Length])
            .Where(IsSafeName)
            .Order(StringComparer.Ordinal)];

    /// <summary>The file's source for exactly that culture, or null when the folder has no such file.</summary>
    public string? FileSource(string name, string culture) =>
        IsSafeName(name) && IsCulture(culture) && File.Exists(PathOf(name, culture)) ? File.ReadAllText(PathOf(name, culture)) : null;

    /// <summary>Renders the file of that culture, or the English one when there is none.</summary>
    public Task<RenderedMessage> RenderAsync(string name, string? culture, IReadOnlyDictionary<string, object?> model) =>
        RenderAsync(LoadFile(name, culture), culture, model);

    /// <summary>Renders a template's source (an override, a draft being previewed); throws when it is not valid.</summary>
    public Task<RenderedMessage> RenderSourceAsync(string source, string? culture, IReadOnlyDictionary<string, object?> model)
    {
        if (!_sources.TryGetValue(source, out var parsed))
        {
            parsed = Parse(source, out var error) ?? throw new InvalidOperationException($"The template is not valid: {error}");
            if (_sources.Count >= ParsedSourcesKept)
            {
                _sources.Clear();
            }
            _sources[source] = parsed;
        }
        return RenderAsync(parsed, culture, model);
    }

    /// <summary>Null when <paramref name="source"/> is a valid template, else what is wrong with it (the parser's message).</summary>
    public static string? Check(string source)
    {
        Parse(source, out var error);
        return error;
    }

    private static async Task<RenderedMessage> RenderAsync(ParsedTemplate template, string? culture, IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(new TemplateOptions { CultureInfo = CultureInfo.GetCultureInfo(culture ?? DefaultCulture) });
        foreach (var (key, value) in model)
        {
            context.SetValue(key, Plain(value, 0));
        }
        return new RenderedMessage((await template.Subject.RenderAsync(context)).Trim(), (await template.Body.RenderAsync(context)).Trim());
    }

    /// <summary>
    /// Process variables hold read-only maps (FEEL contexts) and lists; Liquid reads nested values (<c>project.title</c>)
    /// from plain dictionaries and lists, so those are copied as such.
    /// </summary>
    private static object? Plain(object? value, int depth) => value switch
    {
        _ when depth > 16 => null,
        string or null => value,
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Plain(p.Value, depth + 1), StringComparer.Ordinal),
        System.Collections.IEnumerable list => list.Cast<object?>().Select(v => Plain(v, depth + 1)).ToList(),
        _ => value,
    };

    private ParsedTemplate LoadFile(string name, string? culture)
    {
        if (!IsSafeName(name))
        {
            throw new ArgumentException($"'{name}' is not a template name (letters, digits and dashes).", nameof(name));
        }
        var path = culture is not null && IsCulture(culture) && File.Exists(PathOf(name, culture)) ? PathOf(name, culture) : PathOf(name, DefaultCulture);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no notification template '{name}' in {options.TemplatesPath}.");
        }
        var modified = File.GetLastWriteTimeUtc(path);
        if (_files.TryGetValue(path, out var cached) && cached.Modified == modified)
        {
            return cached.Template;
        }
        var parsed = Parse(File.ReadAllText(path), out var error) ?? throw new InvalidOperationException($"Template '{path}' is not valid: {error}");
        _files[path] = (modified, parsed);
        return parsed;
    }

    /// <summary>Splits the <c>subject:</c> line from the body and parses both; null with the reason when it cannot.</summary>
    private static ParsedTemplate? Parse(string source, out string? error)
    {
        var newline = source.IndexOf('\n');
        var first = (newline < 0 ? source : source[..newline]).TrimStart();
        if (!first.StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            error = "The first line must be 'subject: ...' (the mail's subject, itself Liquid).";
            return null;
        }
        if (!Parser.TryParse(first[SubjectPrefix.Length..], out var subject, out var subjectError))
        {
            error = $"The subject line is not valid Liquid: {subjectError}";
            return null;
        }
        if (!Parser.TryParse(newline < 0 ? "" : source[(newline + 1)..], out var body, out var bodyError))
        {
            error = $"The body is not valid Liquid: {bodyError}";
            return null;
        }
        error = null;
        return new ParsedTemplate(subject, body);
    }

    private string PathOf(string name, string culture) => Path.Combine(options.TemplatesPath, $"{name}.{culture}.liquid");

    /// <summary>Letters, digits and dashes, so a name can never leave the templates folder.</summary>
    public static bool IsSafeName(string? name) =>
        name is { Length: > 0 and <= Notification.TemplateMax } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private sealed record ParsedTemplate(IFluidTemplate Subject, IFluidTemplate Body);
}
