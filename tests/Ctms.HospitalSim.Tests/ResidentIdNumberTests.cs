using System.Globalization;

namespace Ctms.HospitalSim.Tests;

public class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", true)]
    [InlineData("110105194912310021", false)]
    [InlineData("440524188001010014", true)]
    [InlineData("44052418800101001", false)]
    public void The_check_character_follows_ISO_7064_MOD_11_2(string number, bool valid) =>
        ResidentIdNumber.IsValid(number).ShouldBe(valid);

    [Fact]
    public void Every_patient_has_a_valid_number_that_matches_birth_date_and_sex()
    {
        var data = new SyntheticHospital(new HospitalSimOptions());

        foreach (var patient in data.Patients)
        {
            ResidentIdNumber.IsValid(patient.IdNumber).ShouldBeTrue(patient.Id);
            patient.IdNumber[6..14].ShouldBe(patient.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            var odd = (patient.IdNumber[16] - '0') % 2 == 1;
            odd.ShouldBe(patient.Sex == "male", patient.Id);
        }
        data.Patients.Select(p => p.IdNumber).Distinct().Count().ShouldBe(data.Patients.Count);
    }
}
