using System.Collections.Immutable;
using System.Globalization;

namespace Ctms.HospitalSim.Data;

/// <summary>
/// Generates the synthetic patients and their clinical history from the options' seed: every patient draws from its own
/// <see cref="Random"/> (seed and index), so the data does not depend on the order or the count of anything else.
/// </summary>
internal static class PatientGenerator
{
    public static List<SimPatient> Generate(HospitalSimOptions options)
    {
        var patients = new List<SimPatient>(options.PatientCount);
        var mrns = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 1; index <= options.PatientCount; index++)
        {
            var random = new Random(HashCode(options.Seed, 1, index));
            string mrn;
            do mrn = "M" + random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            while (!mrns.Add(mrn));
            patients.Add(Patient(options, random, index, mrn));
        }
        return patients;
    }

    private static SimPatient Patient(HospitalSimOptions options, Random random, int index, string mrn)
    {
        var id = $"pat-{index:D5}";
        var male = random.Next(2) == 0;
        var epochDate = DateOnly.FromDateTime(options.Epoch.UtcDateTime);
        var birthDate = epochDate.AddYears(-random.Next(18, 86)).AddDays(-random.Next(0, 365));
        var sequence = random.Next(0, 499) * 2 + (male ? 1 : 2);
        var patient = new SimPatient
        {
            Id = id,
            Mrn = mrn,
            IdNumber = ResidentIdNumber.Create(Pick(random, SimCatalog.Regions), birthDate, sequence),
            Family = Pick(random, SimCatalog.Families),
            Given = Pick(random, male ? SimCatalog.MaleGiven : SimCatalog.FemaleGiven),
            BirthDate = birthDate,
            Sex = male ? "male" : "female",
            Phone = "1" + random.Next(3, 10).ToString(CultureInfo.InvariantCulture) +
                    random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture),
        };
        patient.Conditions = Conditions(options, random, id);
        patient.Encounters = Encounters(options, random, id);
        patient.Observations = Observations(options, random, id);
        patient.ExamReports = ExamReports(options, random, id);
        return patient;
    }

    private static ImmutableList<SimCondition> Conditions(HospitalSimOptions options, Random random, string patientId)
    {
        var codes = SimCatalog.Diagnoses.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        return [.. codes.Select((d, i) => new SimCondition(
            $"cond-{patientId[4..]}-{i + 1:D2}", patientId, d.Code, d.Display,
            DateOnly.FromDateTime(options.Epoch.UtcDateTime).AddDays(-random.Next(30, 3650))))];
    }

    private static ImmutableList<SimEncounter> Encounters(HospitalSimOptions options, Random random, string patientId)
    {
        var count = random.Next(1, 5);
        var encounters = ImmutableList.CreateBuilder<SimEncounter>();
        for (var i = 1; i <= count; i++)
        {
            var start = PastInstant(options, random);
            var inpatient = random.Next(3) == 0;
            var end = inpatient ? start.AddDays(random.Next(2, 15)).AddHours(random.Next(0, 8)) : start.AddHours(1);
            if (end > options.Epoch)
                end = options.Epoch;
            var department = $"dept-{random.Next(1, Math.Max(2, options.Departments + 1)):D3}";
            encounters.Add(new SimEncounter($"enc-{patientId[4..]}-{i:D2}", patientId, inpatient ? "IMP" : "AMB",
                "finished", start, end, department, end));
        }
        return encounters.ToImmutable();
    }

    private static ImmutableList<SimObservation> Observations(HospitalSimOptions options, Random random, string patientId)
    {
        var count = random.Next(10, 31);
        var observations = ImmutableList.CreateBuilder<SimObservation>();
        for (var i = 1; i <= count; i++)
        {
            var test = Pick(random, SimCatalog.LabTests);
            observations.Add(LabResult(test, random, $"obs-{patientId[4..]}-{i:D2}", patientId, PastInstant(options, random)));
        }
        return observations.ToImmutable();
    }

    private static ImmutableList<SimExamReport> ExamReports(HospitalSimOptions options, Random random, string patientId)
    {
        var count = random.Next(0, 4);
        var reports = ImmutableList.CreateBuilder<SimExamReport>();
        for (var i = 1; i <= count; i++)
        {
            var exam = Pick(random, SimCatalog.ExamTests);
            reports.Add(ExamReport(exam, random, $"dr-{patientId[4..]}-{i:D2}", patientId, PastInstant(options, random)));
        }
        return reports.ToImmutable();
    }

    /// <summary>A value around the reference range: mostly normal, sometimes high or low.</summary>
    public static SimObservation LabResult(LabTest test, Random random, string id, string patientId, DateTimeOffset effective,
        string? orderId = null, string? ctmsOrderId = null)
    {
        var span = test.High - test.Low;
        var position = (decimal)random.NextDouble() * 1.5m - 0.25m;
        var value = Math.Max(0m, Math.Round(test.Low + span * position, test.Decimals));
        var interpretation = value > test.High ? "H" : value < test.Low ? "L" : "N";
        return new SimObservation(id, patientId, test.Loinc, test.Display, value, test.Unit, test.Low, test.High,
            interpretation, effective, orderId, ctmsOrderId);
    }

    public static SimExamReport ExamReport(ExamTest exam, Random random, string id, string patientId, DateTimeOffset effective,
        string? orderId = null, string? ctmsOrderId = null) =>
        new(id, patientId, exam.Loinc, exam.Display, exam.Category, Pick(random, exam.Conclusions), effective, orderId, ctmsOrderId);

    /// <summary>An instant in the year before the epoch, to the minute.</summary>
    private static DateTimeOffset PastInstant(HospitalSimOptions options, Random random) =>
        options.Epoch.AddMinutes(-random.Next(60, 365 * 24 * 60));

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A stable seed for one kind of data and one index (HashCode.Combine is randomised per process).</summary>
    public static int HashCode(int seed, int kind, int index) =>
        unchecked((seed * 397 ^ kind * 7919) * 31 + index * 104729);
}
