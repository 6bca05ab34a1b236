using Ctms.Engine.Feel.Ast;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>Unary minus and the postfix operators: paths (a.b) and filters (a[...]).</summary>
internal sealed partial class Parser
{
    private Node ParseUnary()
    {
        if (!Current.IsPunctuation("-"))
        {
            return ParsePostfix();
        }

        var minus = Advance();
        Enter();
        try
        {
            var operand = ParseUnary();
            return operand is LiteralNode { Value: decimal d }
                ? Make(new LiteralNode(minus.Position, -d))
                : Make(new NegateNode(minus.Position, operand));
        }
        finally
        {
            depth--;
        }
    }

    private Node ParsePostfix()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (Current.IsPunctuation("."))
            {
                var dot = Advance();
                var key = Current.Kind == TokenKind.Name ? Advance().Text : throw Error("Expected a name after '.'");
                if (key == "time" && Current.IsWord("offset"))
                {
                    Advance();
                    key = "time offset";
                }

                node = Make(new PathNode(dot.Position, node, key));
            }
            else if (Current.IsPunctuation("[") && depth != filterlessDepth)
            {
                var open = Advance();
                var filter = ParseExpression();
                Expect("]");
                node = Make(new FilterNode(open.Position, node, filter));
            }
            else
            {
                return node;
            }
        }
    }
}
