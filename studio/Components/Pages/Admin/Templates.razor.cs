using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ctms.Domain.Common;
using Ctms.Domain.Notifications;
using MudBlazor;

namespace Ctms.Studio.Components.Pages.Admin;

/// <summary>The notification templates: list, edit with a preview on a test model, save, revert to the file, test mail.</summary>
public partial class Templates
{
    private const string SampleModel = """{ "taskName": "Formal review", "protocolNumber": "PROT-001", "title": "Test", "message": "Hello" }""";

    private IReadOnlyList<TemplateSummaryDto>? _templates;
    private NotificationTemplateDto? _current;
    private RenderedMessage? _preview;
    private string? _name;
    private string _culture = NotificationTemplates.DefaultCulture;
    private string _source = "";
    private string _model = SampleModel;
    private string? _error;
    private bool _canEdit;

    protected override async Task OnInitializedAsync()
    {
        _canEdit = (await Authentication.GetAuthenticationStateAsync()).User.IsInRole(Ctms.Domain.Access.Roles.Admin);
        _templates = await Sender.QueryAsync(new ListNotificationTemplates());
    }

    private async Task SelectAsync(string name, string culture)
    {
        _name = name;
        _culture = culture;
        _preview = null;
        _error = null;
        Show(await Sender.QueryAsync(new GetNotificationTemplate(name, culture)));
    }

    private void Show(NotificationTemplateDto template)
    {
        _current = template;
        _source = template.Source;
    }

    private async Task PreviewAsync()
    {
        if (_current is null || Model() is not { } model)
        {
            return;
        }
        await RunAsync(async () =>
        {
            var draft = _source == _current.Source ? null : _source;
            _preview = await Sender.QueryAsync(new PreviewNotificationTemplate(_current.Name, _culture, draft, model));
        });
    }

    private async Task SaveAsync()
    {
        if (_current is null)
        {
            return;
        }
        await RunAsync(async () =>
        {
            Show(await Sender.CommandAsync(new SaveNotificationTemplate(_current.Name, _culture, _source)));
            Snackbar.Add(T["Saved"], Severity.Success);
            _templates = await Sender.QueryAsync(new ListNotificationTemplates());
        });
    }

    private async Task RevertAsync()
    {
        if (_current is null)
        {
            return;
        }
        await RunAsync(async () =>
        {
            Show(await Sender.CommandAsync(new RevertNotificationTemplate(_current.Name, _culture)));
            Snackbar.Add(T["Reverted"], Severity.Info);
            _templates = await Sender.QueryAsync(new ListNotificationTemplates());
        });
    }

    private async Task SendTestAsync() => await RunAsync(async () =>
    {
        var notified = await Sender.CommandAsync(new SendTestNotification());
        Snackbar.Add(string.Format(CultureInfo.CurrentCulture, T["TestSent"], notified), Severity.Success);
    });

    /// <summary>Runs an action; the domain's refusals (an invalid template, no right) are shown, not thrown.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
        }
        catch (DomainValidationException e)
        {
            _error = string.Join(" ", e.Errors.SelectMany(p => p.Value));
        }
        catch (ForbiddenException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        catch (NotFoundException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
    }

    /// <summary>The test model as the process's variables would be: a JSON object's properties.</summary>
    private Dictionary<string, object?>? Model()
    {
        try
        {
            var json = string.IsNullOrWhiteSpace(_model) ? new JsonObject() : JsonNode.Parse(_model) as JsonObject
                ?? throw new JsonException("{ ... } expected");
            return json.ToDictionary(p => p.Key, p => Ctms.Engine.Feel.FeelValues.FromJsonNode(p.Value), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            _error = string.Format(CultureInfo.CurrentCulture, T["ModelInvalid"], e.Message);
            return null;
        }
    }

    private string Origin(NotificationTemplateDto t) => t.Origin switch
    {
        TemplateOrigin.Override => string.Format(CultureInfo.CurrentCulture, T["Origin_Override"], t.UpdatedBy,
            t.UpdatedAt?.ToLocalTime().ToString("g", CultureInfo.CurrentCulture)),
        TemplateOrigin.File => T["Origin_File"],
        _ => T["Origin_EnglishFile"],
    };
}
