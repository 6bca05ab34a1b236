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
/// </summary>
public sealed class NotificationTemplates(NotificationOptions options)
{
    public const string DefaultCulture = "en";
    private const string SubjectPrefix = "subject:";

    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, (DateTime Modified, IFluidTemplate Subject, IFluidTemplate Body)> _cache = new();

    /// <summary>True when a template of that name exists (in English, at least).</summary>
    public bool Exists(string name) => IsSafeName(name) && File.Exists(PathOf(name, DefaultCulture));

    public async Task<RenderedMessage> RenderAsync(string name, string? culture, IReadOnlyDictionary<string, object?> model)
    {
        var (subject, body) = Load(name, culture);
        var context = new TemplateContext(new TemplateOptions { CultureInfo = CultureInfo.GetCultureInfo(culture ?? DefaultCulture) });
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }
        return new RenderedMessage((await subject.RenderAsync(context)).Trim(), (await body.RenderAsync(context)).Trim());
    }

    private (IFluidTemplate Subject, IFluidTemplate Body) Load(string name, string? culture)
    {
        if (!IsSafeName(name))
        {
            throw new ArgumentException($"'{name}' is not a template name (letters, digits and dashes).", nameof(name));
        }
        var path = culture is not null && File.Exists(PathOf(name, culture)) ? PathOf(name, culture) : PathOf(name, DefaultCulture);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no notification template '{name}' in {options.TemplatesPath}.");
        }
        var modified = File.GetLastWriteTimeUtc(path);
        if (_cache.TryGetValue(path, out var cached) && cached.Modified == modified)
        {
            return (cached.Subject, cached.Body);
        }
        var text = File.ReadAllText(path);
        var newline = text.IndexOf('\n');
        var first = newline < 0 ? text : text[..newline];
        if (!first.TrimStart().StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Template '{path}' must start with a line 'subject: ...'.");
        }
        var subject = Parse(path, first.TrimStart()[SubjectPrefix.Length..]);
        var body = Parse(path, newline < 0 ? "" : text[(newline + 1)..]);
        _cache[path] = (modified, subject, body);
        return (subject, body);
    }

    private static IFluidTemplate Parse(string path, string source) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template '{path}' is not valid Liquid: {error}");

    private string PathOf(string name, string culture) => Path.Combine(options.TemplatesPath, $"{name}.{culture}.liquid");

    private static bool IsSafeName(string name) =>
        name.Length is > 0 and <= Notification.TemplateMax && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
