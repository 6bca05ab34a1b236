using Ctms.HospitalSim.Data;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Fhir;

/// <summary>Turns the synthetic records into FHIR R4 resources.</summary>
internal static class FhirMapper
{
    private const string IdentifierType = "http://terminology.hl7.org/CodeSystem/v2-0203";
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    private const string ObservationCategory = "http://terminology.hl7.org/CodeSystem/observation-category";
    private const string ReportCategory = SimCatalog.HospitalSystem + "report-category";

    public static Patient Patient(SimPatient p) => new()
    {
        Id = p.Id,
        Identifier =
        [
            new Identifier(SimCatalog.MrnSystem, p.Mrn) { Type = new CodeableConcept(IdentifierType, "MR", "Medical record number", null) },
            new Identifier(SimCatalog.IdNumberSystem, p.IdNumber) { Type = new CodeableConcept(IdentifierType, "NI", "National unique individual identifier", null) },
        ],
        Active = true,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = p.Family, Given = [p.Given], Text = p.FullName }],
        Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Phone, ContactPoint.ContactPointUse.Mobile, p.Phone)],
        Gender = p.Sex == "male" ? AdministrativeGender.Male : AdministrativeGender.Female,
        BirthDate = p.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    public static Condition Condition(SimCondition c) => new()
    {
        Id = c.Id,
        ClinicalStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
        VerificationStatus = new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
        Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/condition-category", "encounter-diagnosis", "Encounter Diagnosis", null)],
        Code = new CodeableConcept(SimCatalog.Icd10, c.Code, c.Display, c.Display),
        Subject = new ResourceReference($"Patient/{c.PatientId}"),
        Onset = new FhirDateTime(c.Onset.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static Encounter Encounter(SimEncounter e) => new()
    {
        Id = e.Id,
        Meta = new Meta { LastUpdated = e.LastUpdated },
        Status = e.Status == "in-progress" ? Hl7.Fhir.Model.Encounter.EncounterStatus.InProgress : Hl7.Fhir.Model.Encounter.EncounterStatus.Finished,
        Class = new Coding(ActCode, e.Class, e.Class == "IMP" ? "inpatient encounter" : "ambulatory"),
        Subject = new ResourceReference($"Patient/{e.PatientId}"),
        Period = new Period(new FhirDateTime(e.Start), e.End is { } end ? new FhirDateTime(end) : null),
        ServiceProvider = new ResourceReference($"Organization/{e.DepartmentId}"),
    };

    public static Observation Observation(SimObservation o)
    {
        var observation = new Observation
        {
            Id = o.Id,
            Status = ObservationStatus.Final,
            Category = [new CodeableConcept(ObservationCategory, "laboratory", "Laboratory", null)],
            Code = new CodeableConcept(SimCatalog.Loinc, o.Code, o.Display, o.Display),
            Subject = new ResourceReference($"Patient/{o.PatientId}"),
            Effective = new FhirDateTime(o.Effective),
            Issued = o.Effective,
            Value = new Quantity(o.Value, o.Unit, SimCatalog.Ucum) { Unit = o.Unit },
            Interpretation = [new CodeableConcept(Interpretation, o.Interpretation, InterpretationDisplay(o.Interpretation), null)],
            ReferenceRange =
            [
                new Observation.ReferenceRangeComponent
                {
                    Low = new Quantity(o.Low, o.Unit, SimCatalog.Ucum) { Unit = o.Unit },
                    High = new Quantity(o.High, o.Unit, SimCatalog.Ucum) { Unit = o.Unit },
                },
            ],
        };
        AddOrder(o.OrderId, o.CtmsOrderId, observation.BasedOn, observation.Identifier);
        return observation;
    }

    public static DiagnosticReport DiagnosticReport(SimExamReport r)
    {
        var report = new DiagnosticReport
        {
            Id = r.Id,
            Status = Hl7.Fhir.Model.DiagnosticReport.DiagnosticReportStatus.Final,
            Category = [new CodeableConcept(ReportCategory, r.Category, r.Category == "radiology" ? "Radiology" : "Cardiology", null)],
            Code = new CodeableConcept(SimCatalog.Loinc, r.Code, r.Display, r.Display),
            Subject = new ResourceReference($"Patient/{r.PatientId}"),
            Effective = new FhirDateTime(r.Effective),
            Issued = r.Effective,
            Conclusion = r.Conclusion,
        };
        AddOrder(r.OrderId, r.CtmsOrderId, report.BasedOn, report.Identifier);
        return report;
    }

    private static void AddOrder(string? orderId, string? ctmsOrderId, List<ResourceReference> basedOn, List<Identifier> identifiers)
    {
        if (orderId is not null)
            basedOn.Add(new ResourceReference($"ServiceRequest/{orderId}"));
        if (ctmsOrderId is not null)
            identifiers.Add(new Identifier(SimCatalog.CtmsOrderSystem, ctmsOrderId));
    }

    private static string InterpretationDisplay(string code) => code switch
    {
        "H" => "High",
        "L" => "Low",
        _ => "Normal",
    };
}
