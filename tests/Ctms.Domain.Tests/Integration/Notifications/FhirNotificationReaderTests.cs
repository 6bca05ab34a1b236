using System.Text;
using Ctms.Domain.Integration.Fhir;
using Ctms.Domain.Integration.Notifications;

namespace Ctms.Domain.Tests.Integration.Notifications;

public sealed class FhirNotificationReaderTests
{
    private static IReadOnlyList<InboundEvent> Read(string json) => FhirNotificationReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void An_order_result_becomes_a_lab_result_with_the_ctms_order_id_and_the_service_request()
    {
        var events = Read("""
            {"resourceType":"Bundle","type":"history","entry":[
              {"resource":{"resourceType":"Observation","id":"obs-1","status":"final",
                "identifier":[{"system":"urn:ctms:order","value":"0190f0c6-0000-7000-8000-000000000001"}],
                "basedOn":[{"reference":"ServiceRequest/sr-7"}],
                "category":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/observation-category","code":"laboratory"}]}],
                "code":{"coding":[{"system":"http://loinc.org","code":"718-7","display":"Hemoglobin"}]},
                "subject":{"reference":"Patient/pat-00001"},"effectiveDateTime":"2026-11-27T08:30:00Z",
                "valueQuantity":{"value":10.5,"unit":"g/dL","system":"http://unitsofmeasure.org","code":"g/dL"},
                "referenceRange":[{"low":{"value":12},"high":{"value":17.5}}],
                "interpretation":[{"coding":[{"code":"L"}]}]},
               "request":{"method":"POST","url":"Observation"}},
              {"resource":{"resourceType":"ServiceRequest","id":"sr-7","status":"completed","intent":"order",
                "subject":{"reference":"Patient/pat-00001"}},"request":{"method":"PUT","url":"ServiceRequest/sr-7"}}]}
            """);
        events.Count.ShouldBe(2);
        var lab = events[0].ShouldBeOfType<LabResultArrived>();
        lab.ServiceRequestId.ShouldBe("sr-7");
        lab.Result.OrderId.ShouldBe("0190f0c6-0000-7000-8000-000000000001");
        lab.Result.Code.Code.ShouldBe("718-7");
        lab.Result.Value.ShouldBe(10.5m);
        lab.Result.Interpretation.ShouldBe("L");
        HospitalNotificationInbox.Abnormal(lab.Result).ShouldBeTrue();
        events[1].ShouldBe(new OtherResource("ServiceRequest"));
    }

    [Fact]
    public void An_inpatient_encounter_is_an_admission_until_it_has_an_end()
    {
        var admitted = Read("""
            {"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Encounter","id":"enc-1","status":"in-progress",
              "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"IMP"},"subject":{"reference":"Patient/pat-00002"},
              "period":{"start":"2026-11-27T08:00:00Z"}}}]}
            """).Single().ShouldBeOfType<EncounterChanged>();
        admitted.HospitalPatientId.ShouldBe("pat-00002");
        admitted.Discharged.ShouldBeFalse();
        var discharged = Read("""
            {"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Encounter","id":"enc-1","status":"finished",
              "class":{"code":"IMP"},"subject":{"reference":"Patient/pat-00002"},
              "period":{"start":"2026-11-27T08:00:00Z","end":"2026-11-30T10:00:00Z"}}}]}
            """).Single().ShouldBeOfType<EncounterChanged>();
        discharged.Discharged.ShouldBeTrue();
        discharged.Encounter.End.ShouldBe(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","entry":[{""")]
    [InlineData("not json")]
    [InlineData("""{"resourceType":"Patient","id":"pat-1"}""")]
    [InlineData("""{"resourceType":"NoSuchThing"}""")]
    [InlineData("")]
    public void A_body_that_is_no_fhir_bundle_is_malformed(string body) =>
        Should.Throw<MalformedNotificationException>(() => Read(body));
}
