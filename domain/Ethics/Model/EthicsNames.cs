namespace Ctms.Domain.Ethics.Model;

/// <summary>
/// The names processes, forms and REST clients use for outcomes and vote options: kebab case ("approve-with-modifications"),
/// as FEEL conditions and form options compare them, and their parsing back, case-insensitive.
/// </summary>
public static class EthicsNames
{
    public static string Of(EthicsOutcome outcome) => Kebab(outcome.ToString());

    public static string Of(VoteOption option) => Kebab(option.ToString());

    public static string Of(ReviewKind kind) => Kebab(kind.ToString());

    public static string Of(ReviewTrack track) => Kebab(track.ToString());

    public static bool TryParseOutcome(string? text, out EthicsOutcome outcome) => TryParse(text, out outcome);

    public static bool TryParseVote(string? text, out VoteOption option) => TryParse(text, out option);

    /// <summary>The outcome a vote's winning option means (abstain wins nothing: it has no outcome).</summary>
    public static EthicsOutcome? OutcomeOf(VoteOption option) => option switch
    {
        VoteOption.Approve => EthicsOutcome.Approve,
        VoteOption.ApproveWithModifications => EthicsOutcome.ApproveWithModifications,
        VoteOption.ReviseAndResubmit => EthicsOutcome.ReviseAndResubmit,
        VoteOption.Disapprove => EthicsOutcome.Disapprove,
        _ => null,
    };

    public static string AllOutcomes => string.Join(", ", Enum.GetValues<EthicsOutcome>().Select(Of));

    public static string AllVotes => string.Join(", ", Enum.GetValues<VoteOption>().Select(Of));

    private static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var name = text.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return !name.All(char.IsAsciiDigit) && Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
