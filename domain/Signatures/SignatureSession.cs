namespace Ctms.Domain.Signatures;

/// <summary>
/// That the user behind the current command re-entered their password for a signature, and with which meaning (a task's
/// <c>signatureMeaning</c>), scoped to one command. <see cref="SignatureService.SignAsync"/> signs only inside such a command:
/// the password itself never reaches the domain, the process variables or the logs.
/// </summary>
public sealed class SignatureSession
{
    public Reauthentication? Current { get; private set; }

    /// <summary>How many records the command signed: a signed task whose command signed nothing has its completion signed.</summary>
    public int Signed { get; internal set; }

    /// <summary>Takes the proof of a password check (<see cref="SignatureAuthenticator"/>) into this command.</summary>
    public void Accept(Reauthentication reauthentication) => Current = reauthentication;
}

/// <summary>A password re-entered and checked: by whom, when, and for what meaning if the request named one.</summary>
public sealed record Reauthentication(string UserId, DateTimeOffset At, string? Meaning);
