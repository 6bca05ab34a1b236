using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ctms.Api.Tests.Notifications.NotificationScenario;

namespace Ctms.Api.Tests.Notifications;

/// <summary>Administrators edit the notification templates: overrides in the database before the files, checked before saving.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "xunit disposes them through IAsyncLifetime.DisposeAsync")]
public sealed class NotificationTemplatesApiTests : IAsyncLifetime
{
    private readonly SqliteAppFactory _app = new();
    private readonly LoopbackSmtp _smtp = new();

    public async Task InitializeAsync()
    {
        foreach (var (key, value) in _smtp.Settings())
        {
            _app.Settings[key] = value;
        }
        _app.Settings["Smtp:RunDispatcher"] = "false";
        await _app.InitializeAsync();
        await _smtp.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task An_administrators_override_changes_the_next_mail_in_that_language_and_deleting_it_brings_the_file_back()
    {
        using var admin = await _app.AdminAsync();
        var english = await PersonAsync(_app, culture: "en");
        var chinese = await PersonAsync(_app, culture: "zh-CN");
        var model = new { taskName = "Formal review", protocolNumber = "PROT-9" };

        var saved = await (await admin.PutAsJsonAsync("/api/notification-templates/task-assigned/en",
            new { source = "subject: Please do {{ taskName }} now\nDear {{ recipientName }}, {{ taskName }} of {{ protocolNumber }} waits for you." }))
            .ReadAsync<NotificationTemplateDto>();
        saved.Origin.ShouldBe(TemplateOrigin.Override);
        saved.UpdatedBy.ShouldBe("admin");
        saved.FileSource!.ShouldStartWith("subject: {{ taskName");

        await NotifyThroughProcessAsync(admin, "task-assigned", [english.UserName, chinese.UserName], model);
        (await DispatchAsync(_app)).ShouldBe(2);
        var overridden = (await _smtp.WaitForAsync(english.Email)).ShouldHaveSingleItem();
        overridden.Subject.ShouldBe("Please do Formal review now");
        overridden.TextBody!.ShouldContain($"Dear Dr {english.UserName}, Formal review of PROT-9 waits for you.");
        (await _smtp.WaitForAsync(chinese.Email)).ShouldHaveSingleItem().Subject.ShouldBe("待办：Formal review", "the Chinese file is not overridden");

        var list = await (await admin.GetAsync("/api/notification-templates")).ReadAsync<List<TemplateSummaryDto>>();
        var taskAssigned = list.Where(t => t.Name == "task-assigned").ShouldHaveSingleItem();
        taskAssigned.Cultures.Single(c => c.Culture == "en").Overridden.ShouldBeTrue();
        var chineseFile = taskAssigned.Cultures.Single(c => c.Culture == "zh-CN");
        chineseFile.Overridden.ShouldBeFalse();
        chineseFile.HasFile.ShouldBeTrue();
        list.ShouldContain(t => t.Name == "notification-test");

        var reverted = await (await admin.DeleteAsync("/api/notification-templates/task-assigned/en")).ReadAsync<NotificationTemplateDto>();
        reverted.Origin.ShouldBe(TemplateOrigin.File);
        await NotifyThroughProcessAsync(admin, "task-assigned", [english.UserName], model);
        (await DispatchAsync(_app)).ShouldBe(1);
        (await _smtp.WaitForAsync(english.Email, 2))[^1].Subject.ShouldBe("Formal review is waiting for you");

        await using var scope = _app.Scope();
        var trail = await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().AuditRecords.AsNoTracking()
            .Where(r => r.EntityType == nameof(TemplateOverride)).ToListAsync();
        trail.ShouldContain(r => r.Field == nameof(TemplateOverride.Source) && r.UserName == "admin", "the override is on the audit trail");
        trail.Select(r => r.Action.ToString()).Distinct().Count().ShouldBe(2, "its creation and its deletion");
    }

    [Fact]
    public async Task A_template_that_is_not_valid_Liquid_or_lacks_its_subject_line_is_refused_with_the_parsers_message_and_nothing_changes()
    {
        using var admin = await _app.AdminAsync();

        var broken = await (await admin.PutAsJsonAsync("/api/notification-templates/task-assigned/zh-CN",
            new { source = "subject: {{ taskName }\n{% if protocolNumber %}unclosed" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        broken.GetProperty("errors").GetProperty("source")[0].GetString()!.ShouldContain("not valid Liquid");
        var noSubject = await (await admin.PutAsJsonAsync("/api/notification-templates/task-assigned/zh-CN",
            new { source = "Hello {{ taskName }}" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noSubject.GetProperty("errors").GetProperty("source")[0].GetString()!.ShouldContain("subject:");
        var body = await (await admin.PutAsJsonAsync("/api/notification-templates/task-assigned/zh-CN",
            new { source = "subject: ok\n{% for x in %}{% endfor %}" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        body.GetProperty("errors").GetProperty("source")[0].GetString()!.ShouldContain("body is not valid Liquid");

        var current = await (await admin.GetAsync("/api/notification-templates/task-assigned/zh-CN")).ReadAsync<NotificationTemplateDto>();
        current.Origin.ShouldBe(TemplateOrigin.File);
        current.Source.ShouldStartWith("subject: 待办");
        await using var scope = _app.Scope();
        (await scope.ServiceProvider.GetRequiredService<CtmsDbContext>().TemplateOverrides.CountAsync()).ShouldBe(0);

        await (await admin.PutAsJsonAsync("/api/notification-templates/no-such-template/en", new { source = "subject: x\ny" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutAsJsonAsync("/api/notification-templates/task-assigned/fr", new { source = "subject: x\ny" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Preview_renders_the_text_in_use_or_a_draft_with_a_test_model_in_the_chosen_language()
    {
        using var admin = await _app.AdminAsync();
        var model = new { taskName = "Sign the contract", protocolNumber = "PROT-1", project = new { title = "Nested" } };

        var inUse = await (await admin.PostAsJsonAsync("/api/notification-templates/task-assigned/zh-CN/preview", new { model }))
            .ReadAsync<RenderedMessage>();
        inUse.Subject.ShouldBe("待办：Sign the contract");
        inUse.Body.ShouldContain("（项目 PROT-1）");

        var draft = await (await admin.PostAsJsonAsync("/api/notification-templates/task-assigned/en/preview",
            new { source = "subject: Draft {{ taskName | upcase }}\nProject {{ project.title }}", model })).ReadAsync<RenderedMessage>();
        draft.ShouldBe(new RenderedMessage("Draft SIGN THE CONTRACT", "Project Nested"));
        (await (await admin.GetAsync("/api/notification-templates/task-assigned/en")).ReadAsync<NotificationTemplateDto>())
            .Origin.ShouldBe(TemplateOrigin.File, "a preview saves nothing");

        await (await admin.PostAsJsonAsync("/api/notification-templates/task-assigned/en/preview", new { source = "no subject", model }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Only_an_administrator_edits_templates_the_director_reads_them_and_a_refusal_is_on_the_audit_trail()
    {
        var (pi, piName) = await _app.UserAsync("pi");
        var (director, _) = await _app.UserAsync("cti-director");
        using var _p = pi;
        using var _d = director;

        await (await pi.GetAsync("/api/notification-templates")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await pi.PutAsJsonAsync("/api/notification-templates/task-assigned/en", new { source = "subject: hacked\nx" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await (await director.GetAsync("/api/notification-templates")).ReadAsync<List<TemplateSummaryDto>>()).ShouldNotBeEmpty();
        (await (await director.PostAsJsonAsync("/api/notification-templates/task-assigned/en/preview", new { model = new { taskName = "T" } }))
            .ReadAsync<RenderedMessage>()).Subject.ShouldBe("T is waiting for you");
        await (await director.DeleteAsync("/api/notification-templates/task-assigned/en")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await director.PostAsync("/api/notification-templates/test-mail", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        await using var scope = _app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        (await db.TemplateOverrides.CountAsync()).ShouldBe(0);
        var refused = await db.RefusedAttempts.AsNoTracking().Where(r => r.Path == "/api/notification-templates/task-assigned/en").ToListAsync();
        refused.ShouldContain(r => r.Method == "PUT" && r.Status == 403);
        var trail = await db.AuditRecords.AsNoTracking().Where(r => r.EntityType == "RefusedAttempt" && r.UserName == piName).ToListAsync();
        trail.ShouldContain(r => r.Field == "Path" && r.NewValue!.Contains("/api/notification-templates/task-assigned/en"),
            "the audit trail names who tried");
    }

    [Fact]
    public async Task Every_template_file_is_valid_exists_in_English_and_Chinese_and_renders_without_a_model()
    {
        var templates = _app.Services.GetRequiredService<NotificationTemplates>();
        var folder = _app.Services.GetRequiredService<NotificationOptions>().TemplatesPath;
        var files = Directory.GetFiles(folder, "*.liquid");
        files.Length.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var file in files)
        {
            NotificationTemplates.Check(await File.ReadAllTextAsync(file)).ShouldBeNull(Path.GetFileName(file));
        }
        foreach (var name in templates.Names())
        {
            foreach (var culture in NotificationTemplates.Cultures)
            {
                templates.FileSource(name, culture).ShouldNotBeNull($"{name} has no {culture} file");
                var rendered = await templates.RenderAsync(name, culture, new Dictionary<string, object?>());
                rendered.Subject.ShouldNotBeNullOrWhiteSpace($"{name}.{culture} renders an empty subject without variables");
            }
        }
    }

    [Fact]
    public async Task The_administrators_test_mail_reaches_their_own_address_in_their_language()
    {
        var admin = await PersonAsync(_app, culture: "zh-CN", role: "admin");
        using var _ = admin.Client;

        (await (await admin.Client.PostAsync("/api/notification-templates/test-mail", null)).ReadAsync<JsonElement>())
            .GetProperty("notified").GetInt32().ShouldBe(1);
        (await DispatchAsync(_app)).ShouldBe(1);
        var mail = (await _smtp.WaitForAsync(admin.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Ctms 测试消息（Dr {admin.UserName}）");
        mail.TextBody!.ShouldContain($"由 {admin.UserName} 发送");
    }
}
