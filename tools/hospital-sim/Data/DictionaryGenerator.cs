using System.Globalization;
using Hl7.Fhir.Model;

namespace Ctms.HospitalSim.Data;

/// <summary>
/// Generates the hospital's dictionaries as FHIR resources: departments (Organization), staff (Practitioner), drugs
/// (Medication), lab items (ObservationDefinition) and exam items (ActivityDefinition). Each entry gets a
/// deterministic <c>meta.lastUpdated</c> between the epoch and 300 days after it; about one in fifteen is inactive.
/// </summary>
internal static class DictionaryGenerator
{
    private const int DepartmentKind = 11, StaffKind = 12, DrugKind = 13, LabKind = 14, ExamKind = 15;

    public static List<Organization> Departments(HospitalSimOptions options) =>
        Make(options, DepartmentKind, options.Departments, Department);

    public static List<Practitioner> Staff(HospitalSimOptions options) => Make(options, StaffKind, options.Staff, StaffMember);

    public static List<Medication> Drugs(HospitalSimOptions options) => Make(options, DrugKind, options.Drugs, Drug);

    public static List<ObservationDefinition> LabItems(HospitalSimOptions options) => Make(options, LabKind, options.LabItems, LabItem);

    public static List<ActivityDefinition> ExamItems(HospitalSimOptions options) => Make(options, ExamKind, options.ExamItems, ExamItem);

    private static List<T> Make<T>(HospitalSimOptions options, int kind, int count, Func<Random, int, T> make)
        where T : DomainResource
    {
        var list = new List<T>(count);
        for (var n = 1; n <= count; n++)
        {
            var random = new Random(PatientGenerator.HashCode(options.Seed, kind, n));
            var resource = make(random, n);
            resource.Meta = new Meta
            {
                VersionId = random.Next(1, 4).ToString(CultureInfo.InvariantCulture),
                LastUpdated = options.Epoch.AddSeconds(random.Next(0, 300 * 24 * 3600)),
            };
            SetActive(resource, random.Next(15) != 0);
            list.Add(resource);
        }
        return list;
    }

    public static Organization Department(Random random, int n)
    {
        var (name, alias) = SimCatalog.DepartmentNames[(n - 1) % SimCatalog.DepartmentNames.Length];
        var round = (n - 1) / SimCatalog.DepartmentNames.Length;
        if (round > 0)
            (name, alias) = ($"{name} {round + 1}", $"{alias}{round + 1}");
        var code = $"D{n:D3}";
        return new Organization
        {
            Id = $"dept-{n:D3}",
            Identifier = [new Identifier(SimCatalog.DepartmentSystem, code)],
            Type = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/organization-type", "dept", "Hospital Department", null)],
            Name = name,
            Alias = [alias],
        };
    }

    public static Practitioner StaffMember(Random random, int n)
    {
        var male = random.Next(2) == 0;
        var family = PatientGenerator.Pick(random, SimCatalog.Families);
        var given = PatientGenerator.Pick(random, male ? SimCatalog.MaleGiven : SimCatalog.FemaleGiven);
        var (roleCode, roleDisplay) = PatientGenerator.Pick(random, SimCatalog.StaffRoles);
        return new Practitioner
        {
            Id = $"staff-{n:D4}",
            Identifier = [new Identifier(SimCatalog.StaffSystem, $"E{n:D5}")],
            Name = [new HumanName { Family = family, Given = [given], Text = $"{family} {given}" }],
            Gender = male ? AdministrativeGender.Male : AdministrativeGender.Female,
            Qualification =
            [
                new Practitioner.QualificationComponent
                {
                    Code = new CodeableConcept(SimCatalog.HospitalSystem + "role", roleCode, roleDisplay, null),
                },
            ],
        };
    }

    public static Medication Drug(Random random, int n)
    {
        var name = PatientGenerator.Pick(random, SimCatalog.DrugNames);
        var (formCode, formDisplay) = PatientGenerator.Pick(random, SimCatalog.DrugForms);
        var strength = PatientGenerator.Pick(random, SimCatalog.Strengths);
        var amount = decimal.Parse(strength.Split(' ')[0], CultureInfo.InvariantCulture);
        return new Medication
        {
            Id = $"drug-{n:D5}",
            Code = new CodeableConcept(SimCatalog.DrugSystem, $"DRG{n:D5}", $"{name} {strength} {formDisplay.ToLowerInvariant()}", null),
            Form = new CodeableConcept(SimCatalog.HospitalSystem + "dose-form", formCode, formDisplay, null),
            Ingredient =
            [
                new Medication.IngredientComponent
                {
                    Item = new CodeableConcept(null, null, name),
                    Strength = new Ratio(new Quantity(amount, "mg", "http://unitsofmeasure.org"), new Quantity(1, "1", "http://unitsofmeasure.org")),
                },
            ],
        };
    }

    public static ObservationDefinition LabItem(Random random, int n)
    {
        // Several hospital items may map to one LOINC code (same analyte, another panel or analyser).
        var test = SimCatalog.LabTests[(n - 1) % SimCatalog.LabTests.Length];
        var variant = (n - 1) / SimCatalog.LabTests.Length;
        var display = variant == 0 ? test.Display : $"{test.Display} (panel {variant + 1})";
        var code = new CodeableConcept(SimCatalog.Loinc, test.Loinc, display, null);
        code.Coding.Add(new Coding(SimCatalog.LabItemSystem, $"LAB{n:D4}", display));
        return new ObservationDefinition
        {
            Id = $"lab-{n:D4}",
            Identifier = [new Identifier(SimCatalog.LabItemSystem, $"LAB{n:D4}")],
            Category = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")],
            Code = code,
            PermittedDataType = [ObservationDefinition.ObservationDataType.Quantity],
            QuantitativeDetails = new ObservationDefinition.QuantitativeDetailsComponent
            {
                Unit = new CodeableConcept(SimCatalog.Ucum, test.Unit, test.Unit, null),
                DecimalPrecision = test.Decimals,
            },
            QualifiedInterval =
            [
                new ObservationDefinition.QualifiedIntervalComponent
                {
                    Category = ObservationDefinition.ObservationRangeCategory.Reference,
                    Range = new Hl7.Fhir.Model.Range
                    {
                        Low = new Quantity(test.Low, test.Unit, SimCatalog.Ucum),
                        High = new Quantity(test.High, test.Unit, SimCatalog.Ucum),
                    },
                },
            ],
        };
    }

    public static ActivityDefinition ExamItem(Random random, int n)
    {
        var exam = SimCatalog.ExamTests[(n - 1) % SimCatalog.ExamTests.Length];
        var variant = (n - 1) / SimCatalog.ExamTests.Length;
        var display = variant == 0 ? exam.Display : $"{exam.Display} (protocol {variant + 1})";
        var code = new CodeableConcept(SimCatalog.Loinc, exam.Loinc, display, null);
        code.Coding.Add(new Coding(SimCatalog.ExamItemSystem, $"EXM{n:D4}", display));
        return new ActivityDefinition
        {
            Id = $"exam-{n:D4}",
            Identifier = [new Identifier(SimCatalog.ExamItemSystem, $"EXM{n:D4}")],
            Name = $"EXM{n:D4}",
            Title = display,
            Kind = ActivityDefinition.RequestResourceType.ServiceRequest,
            Code = code,
            Topic = [new CodeableConcept(null, exam.Category, exam.Category)],
        };
    }

    /// <summary>
    /// Marks an entry active or not the way its type says it: Organization and Practitioner <c>active</c>, Medication
    /// <c>status</c>, ActivityDefinition <c>status</c> (active/retired), ObservationDefinition (no status in R4) an extension.
    /// </summary>
    public static void SetActive(DomainResource resource, bool active)
    {
        switch (resource)
        {
            case Organization o: o.Active = active; break;
            case Practitioner p: p.Active = active; break;
            case Medication m: m.Status = active ? Medication.MedicationStatusCodes.Active : Medication.MedicationStatusCodes.Inactive; break;
            case ActivityDefinition a: a.Status = active ? PublicationStatus.Active : PublicationStatus.Retired; break;
            default: resource.SetBoolExtension(SimCatalog.ActiveExtension, active); break;
        }
    }

    /// <summary>Gives an entry a new display name (the change a dictionary sync must pick up).</summary>
    public static void Rename(DomainResource resource, string suffix)
    {
        switch (resource)
        {
            case Organization o: o.Name += suffix; break;
            case Practitioner p: p.Name[0].Text += suffix; break;
            case Medication m: m.Code!.Coding[0].Display += suffix; break;
            case ObservationDefinition d: foreach (var c in d.Code!.Coding) c.Display += suffix; break;
            case ActivityDefinition a: a.Title += suffix; foreach (var c in a.Code!.Coding) c.Display += suffix; break;
        }
    }
}
