namespace Ctms.Engine.Feel.Syntax;

/// <summary>A lexical token; Quoted marks a `backtick` name, which is never a keyword.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, bool Quoted = false)
{
    public bool IsPunctuation(string text) => Kind == TokenKind.Punctuation && Text == text;

    public bool IsWord(string word) => Kind == TokenKind.Name && !Quoted && Text == word;

    public string Describe() => Kind switch
    {
        TokenKind.End => "end of expression",
        TokenKind.String => "string \"" + Text + "\"",
        TokenKind.Temporal => "@\"" + Text + "\"",
        _ => "'" + Text + "'",
    };
}
