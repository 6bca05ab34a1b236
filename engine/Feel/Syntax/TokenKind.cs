namespace Ctms.Engine.Feel.Syntax;

internal enum TokenKind
{
    Number,
    String,
    Temporal,
    Name,
    Punctuation,
    End,
}
