namespace Ctms.Domain.Signatures;

/// <summary>
/// A record that can carry electronic signatures (a vote, a decision, an opinion, later an e-CRF page): it names itself
/// and says what is signed. The signature keeps the SHA-256 of <see cref="SignedContent"/> at signing; a record whose
/// content no longer hashes the same shows the signature as broken.
/// </summary>
public interface ISignable
{
    /// <summary>The kind of record, e.g. <c>ethics-vote</c>: with <see cref="SignatureRecordId"/> it finds the signatures.</summary>
    string SignatureRecordType { get; }

    string SignatureRecordId { get; }

    /// <summary>The canonical text of what is signed (build it with <see cref="SignedContent.Of"/>): the same record gives the same text.</summary>
    string SignedContent();
}
