using Ctms.Engine.Feel.Ast;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>The textual expressions: if-then-else, for-in-return and some/every-in-satisfies.</summary>
internal sealed partial class Parser
{
    private IfNode ParseIf()
    {
        var start = Advance();
        var condition = ParseExpression();
        ExpectWord("then");
        var then = ParseExpression();
        ExpectWord("else");
        return Make(new IfNode(start.Position, condition, then, ParseExpression()));
    }

    private QuantifiedNode ParseQuantified()
    {
        var start = Advance();
        var iterations = ParseIterations(allowRange: false);
        ExpectWord("satisfies");
        return Make(new QuantifiedNode(start.Position, start.Text == "every", iterations, ParseExpression()));
    }

    private ForNode ParseFor()
    {
        var start = Advance();
        var iterations = ParseIterations(allowRange: true);
        ExpectWord("return");
        return Make(new ForNode(start.Position, iterations, ParseExpression()));
    }

    private List<Iteration> ParseIterations(bool allowRange)
    {
        var iterations = new List<Iteration>();
        do
        {
            var name = Current;
            if (name.Kind != TokenKind.Name || (!name.Quoted && Keywords.Contains(name.Text)))
            {
                throw Error("Expected a variable name");
            }

            Advance();
            ExpectWord("in");
            var source = ParseExpression();
            var end = allowRange && Accept("..") ? ParseExpression() : null;
            iterations.Add(Make(new Iteration(name.Position, name.Text, source, end)));
        }
        while (Accept(","));
        return iterations;
    }
}
