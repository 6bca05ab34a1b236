using Ctms.Engine.Forms;
using Ctms.Engine.Persistence;
using Ctms.Engine.Runtime;
using Ctms.Engine.Runtime.Activities;
using Ctms.Engine.Runtime.State;
using Ctms.Engine.Runtime.Store;
using Ctms.Engine.Runtime.Tasks;
using Ctms.Engine.Simulation;
using Ctms.Engine.Tests.Persistence;

namespace Ctms.Engine.Tests.Forms;

/// <summary>
/// Forms bound at deploy, in the database: a definition version keeps the form versions it was deployed with, a
/// changed form makes a new definition version, and completing a task checks its data against its bound form first.
/// </summary>
public sealed class TaskFormBindingTests : IAsyncLifetime
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
          <bpmn:process id="consent" isExecutable="true">
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="sign" name="Sign">
              <bpmn:extensionElements>
                <zeebe:assignmentDefinition candidateGroups="pi" />
                <zeebe:formDefinition formId="consent-form" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="e" />
            <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="sign" />
            <bpmn:sequenceFlow id="f2" sourceRef="sign" targetRef="e" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static string Form(string label) => $$"""
        { "id": "consent-form", "components": [ { "type": "checkbox", "id": "F1", "key": "signed", "label": "{{label}}", "validate": { "required": true } } ] }
        """;

    private static readonly string[] Pi = ["pi"];

    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private Func<IEngineStore> _stores = null!;
    private IAsyncDisposable? _cleanup;
    private BpmnEngine _engine = null!;

    public async Task InitializeAsync()
    {
        (_stores, _cleanup) = await TestDatabases.SqliteAsync();
        _engine = new BpmnEngine(_stores, ScriptedActivities.Empty, _clock);
    }

    public async Task DisposeAsync()
    {
        if (_cleanup is not null)
        {
            await _cleanup.DisposeAsync();
        }
    }

    private async Task<FormRow> DeployFormAsync(string label)
    {
        await using var db = ((EfEngineStore)_stores()).Context;
        return await new FormRepository(db, _clock).DeployAsync("consent.form", Form(label));
    }

    private async Task<Guid> TaskOfAsync(ProcessInstanceState instance) => (await _stores().TasksAsync(instance.Id, default)).Single().Id;

    [Fact]
    public async Task A_task_shows_and_enforces_the_form_version_its_definition_was_deployed_with()
    {
        await DeployFormAsync("I consent");
        var first = (await _engine.DeployAsync("consent.bpmn", Xml)).Single();
        first.FormBindings.ShouldBe(new Dictionary<string, int> { ["consent-form"] = 1 });
        (await _engine.DeployAsync("consent.bpmn", Xml)).Single().Version.ShouldBe(1);
        var old = await _engine.StartAsync("consent", new Dictionary<string, object?> { ["subject"] = "S-001" });

        (await DeployFormAsync("I consent, v2")).Version.ShouldBe(2);
        var second = (await _engine.DeployAsync("consent.bpmn", Xml)).Single();
        second.Version.ShouldBe(2);
        (await _stores().DefinitionAsync("consent", 2, default))!.FormBindings.ShouldBe(new Dictionary<string, int> { ["consent-form"] = 2 });
        var fresh = await _engine.StartAsync("consent");

        var forms = new TaskForms(_stores);
        var oldForm = (await forms.FormOfAsync(await TaskOfAsync(old)))!;
        oldForm.Version.ShouldBe(1);
        oldForm.Schema.ShouldContain("\"I consent\"");
        oldForm.Data["subject"].ShouldBe("S-001");
        (await forms.FormOfAsync(await TaskOfAsync(fresh)))!.Version.ShouldBe(2);

        var tasks = new TaskService(_engine, _stores, _clock);
        var taskId = await TaskOfAsync(old);
        var refused = await Should.ThrowAsync<FormValidationException>(() =>
            tasks.CompleteAsync(taskId, "ann", Pi, new Dictionary<string, object?> { ["signed"] = false }));
        refused.FormId.ShouldBe("consent-form");
        refused.Errors["signed"].ShouldBe(["Field is required."]);
        // Nothing was saved, not even the claim that completing an unassigned task makes.
        (await _stores().TaskAsync(taskId, default))!.Assignee.ShouldBeNull();

        await tasks.CompleteAsync(taskId, "ann", Pi, new Dictionary<string, object?> { ["signed"] = true, ["subject"] = "forged" });
        var done = (await _stores().InstanceAsync(old.Id, default))!;
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Root.Variables["signed"].ShouldBe(true);
        done.Root.Variables["subject"].ShouldBe("S-001");
    }
}
