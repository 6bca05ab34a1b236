using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ctms.Domain.Data;
using Ctms.Domain.Integration.Orders;
using Ctms.Domain.Integration.Results;
using Ctms.HospitalSim;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Api.Tests.Integration.Orders;

/// <summary>Orders over real HTTP against the simulated hospital: the result comes back as a notification and moves the waiting process on.</summary>
public sealed class HospitalOrderTests(HospitalSqliteFactory app) : IClassFixture<HospitalSqliteFactory>
{
    private const string Message = """<bpmn:message id="m" name="lab-result"><bpmn:extensionElements><zeebe:subscription correlationKey="=orderId" /></bpmn:extensionElements></bpmn:message>""";

    private static string Chain(params string[] ids) =>
        string.Join("\n", ids.Zip(ids.Skip(1), (a, b) => $"<bpmn:sequenceFlow id=\"{a}-{b}\" sourceRef=\"{a}\" targetRef=\"{b}\" />"));

    /// <summary>A project with a PI and a CRC, and one of the sim's patients registered with it.</summary>
    private async Task<(Guid ProjectId, HttpClient Pi, HttpClient Crc, Guid PatientId, SimPatient Patient)> ProjectAsync()
    {
        var team = await app.StudyTeamAsync();
        var patient = app.Hospital.Data.Patients[Random.Shared.Next(app.Hospital.Data.Patients.Count)];
        var registered = await (await team.Pi.PostAsJsonAsync($"/api/projects/{team.ProjectId}/hospital/patients", new { mrn = patient.Mrn })).ReadAsync<JsonElement>();
        return (team.ProjectId, team.Pi, team.Crc, registered.GetProperty("id").GetGuid(), patient);
    }

    private async Task<JsonElement> DeployAndStartAsync(HttpClient client, string id, string body, object variables)
    {
        using var admin = await app.AdminAsync();
        (await admin.PostAsJsonAsync("/api/process-definitions", new { name = id + ".bpmn", xml = TestBpmn.Process(id, body, Message) })).EnsureSuccessStatusCode();
        return await (await client.PostAsJsonAsync("/api/process-instances", new { processId = id, variables })).ReadAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string instanceId, string elementId)
    {
        for (var i = 0; i < 100; i++)
        {
            var instance = await (await client.GetAsync($"/api/process-instances/{instanceId}")).ReadAsync<JsonElement>();
            if (instance.GetProperty("active").EnumerateArray().Any(a => a.GetProperty("elementId").GetString() == elementId))
            {
                return instance;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The instance never reached {elementId}.");
    }

    [Fact]
    public async Task An_order_placed_by_a_process_moves_it_on_when_the_hospital_posts_the_result()
    {
        var (projectId, pi, _, patientId, _) = await ProjectAsync();
        using var admin = await app.AdminAsync();
        var id = "order-" + Guid.NewGuid().ToString("N")[..6];
        var instance = await DeployAndStartAsync(pi, id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="order"><bpmn:extensionElements><zeebe:taskDefinition type="place-hospital-order" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:receiveTask id="wait" messageRef="m" />
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="e" />
            {Chain("s", "order", "wait", "review", "e")}
            """, new { projectId, patientId, code = "718-7" });
        var instanceId = instance.GetProperty("id").GetString()!;
        var orderId = Guid.Parse(instance.GetProperty("variables").GetProperty("orderId").GetString()!);

        var moved = await WaitForAsync(admin, instanceId, "review");
        var variables = moved.GetProperty("variables");
        variables.GetProperty("code").GetString().ShouldBe("718-7");
        variables.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Number);
        variables.TryGetProperty("abnormal", out _).ShouldBeTrue();

        var order = await (await pi.GetAsync($"/api/projects/{projectId}/hospital/orders/{orderId}")).ReadAsync<HospitalOrderDto>();
        order.Status.ShouldBe(HospitalOrderStatus.Resulted);
        order.LabResults.Count.ShouldBe(1);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CtmsDbContext>();
        var row = await db.LabResults.SingleAsync(r => r.OrderId == orderId);
        row.PatientId.ShouldBe(patientId);
        row.Source.ShouldBe(LabResultSource.Order);
    }

    [Fact]
    public async Task A_result_that_arrives_before_the_process_waits_is_buffered_and_moves_it_on_later()
    {
        var (projectId, pi, _, patientId, _) = await ProjectAsync();
        using var admin = await app.AdminAsync();
        var id = "early-" + Guid.NewGuid().ToString("N")[..6];
        var instance = await DeployAndStartAsync(pi, id, $"""
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="order"><bpmn:extensionElements><zeebe:taskDefinition type="place-hospital-order" /></bpmn:extensionElements></bpmn:serviceTask>
            <bpmn:userTask id="prepare"><bpmn:extensionElements><zeebe:assignmentDefinition assignee="admin" /></bpmn:extensionElements></bpmn:userTask>
            <bpmn:receiveTask id="wait" messageRef="m" />
            <bpmn:userTask id="review" />
            <bpmn:endEvent id="e" />
            {Chain("s", "order", "prepare", "wait", "review", "e")}
            """, new { projectId, patientId, code = "2345-7" });
        var instanceId = instance.GetProperty("id").GetString()!;
        var orderId = instance.GetProperty("variables").GetProperty("orderId").GetString()!;
        // The result arrives while the process is still at "prepare".
        for (var i = 0; i < 100 && (await (await pi.GetAsync($"/api/projects/{projectId}/hospital/orders/{orderId}")).ReadAsync<HospitalOrderDto>()).Status != HospitalOrderStatus.Resulted; i++)
        {
            await Task.Delay(100);
        }
        var tasks = await (await admin.GetAsync($"/api/tasks?view=mine&processId={id}&elementId=prepare")).ReadAsync<JsonElement>();
        var taskId = tasks.GetProperty("items")[0].GetProperty("id").GetString();
        (await admin.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { } })).EnsureSuccessStatusCode();

        await WaitForAsync(admin, instanceId, "review");
    }

    [Fact]
    public async Task A_crc_may_not_order_and_a_patient_not_linked_to_the_project_is_not_found()
    {
        var (projectId, pi, crc, patientId, _) = await ProjectAsync();
        await (await crc.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders", new { patientId, code = "718-7" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders", new { patientId = Guid.NewGuid(), code = "718-7" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders", new { patientId, code = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders", new { patientId, code = "99999-9" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_hospital_down_when_ordering_answers_503_leaves_no_order_and_raises_an_alert()
    {
        var (projectId, pi, _, patientId, _) = await ProjectAsync();
        using var sim = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{app.Hospital.Port}/") };
        (await sim.PostAsJsonAsync("_sim/faults", new { mode = "down" })).EnsureSuccessStatusCode();
        try
        {
            await (await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders", new { patientId, code = "718-7" }))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            (await sim.PostAsJsonAsync("_sim/faults", new { mode = "none" })).EnsureSuccessStatusCode();
        }
        var orders = await (await pi.GetAsync($"/api/projects/{projectId}/hospital/orders?patientId={patientId}")).ReadAsync<List<HospitalOrderDto>>();
        orders.ShouldBeEmpty();
        using var admin = await app.AdminAsync();
        var alerts = await (await admin.GetAsync("/api/integration/alerts?open=true")).ReadAsync<JsonElement>();
        alerts.EnumerateArray().ShouldContain(a => a.GetProperty("source").GetString() == "hospital" && a.GetProperty("code").GetString() == "unavailable");
    }

    [Fact]
    public async Task An_order_through_rest_is_placed_once_and_resulted()
    {
        var (projectId, pi, _, patientId, patient) = await ProjectAsync();
        var response = await pi.PostAsJsonAsync($"/api/projects/{projectId}/hospital/orders", new { patientId, code = "36643-5" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = await response.ReadAsync<HospitalOrderDto>();
        order.Kind.ShouldBe(HospitalOrderKind.Exam);
        order.HospitalRequestId.ShouldNotBeNullOrEmpty();
        for (var i = 0; i < 100 && order.Status != HospitalOrderStatus.Resulted; i++)
        {
            await Task.Delay(100);
            order = await (await pi.GetAsync($"/api/projects/{projectId}/hospital/orders/{order.Id}")).ReadAsync<HospitalOrderDto>();
        }
        order.Status.ShouldBe(HospitalOrderStatus.Resulted);
        order.ExamResults.Count.ShouldBe(1);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(patient.Mrn);
    }
}
