using System.Globalization;

namespace Ctms.HospitalSim;

/// <summary>
/// The 18-digit Chinese resident identity number (GB 11643): a 6-digit region, the birth date, a 3-digit sequence whose
/// parity gives the sex (odd male, even female) and an ISO 7064 MOD 11-2 check character.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Builds a number from its region, birth date and sequence (1-999), adding the check character.</summary>
    public static string Create(string region, DateOnly birthDate, int sequence)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"{region}{birthDate:yyyyMMdd}{sequence:D3}");
        return body + CheckCharacter(body);
    }

    /// <summary>The MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17Digits[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Whether the number has 18 characters, 17 digits and the right check character.</summary>
    public static bool IsValid(string number) =>
        number.Length == 18 && number[..17].All(char.IsAsciiDigit) && CheckCharacter(number) == number[17];
}
