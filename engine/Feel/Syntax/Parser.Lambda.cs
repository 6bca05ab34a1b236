using Ctms.Engine.Feel.Ast;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>Function literals, accepted only as the precedes argument of sort().</summary>
internal sealed partial class Parser
{
    private const string SortFunction = "sort";

    /// <summary>An argument of a call: a function literal where the built-in takes one, else an expression.</summary>
    private Node ParseArgument(string function, int index, string? parameter)
    {
        var takesFunction = function == SortFunction && (parameter ?? (index == 1 ? "precedes" : null)) == "precedes";
        return takesFunction && Current.IsWord("function") ? ParseLambda(2) : ParseExpression();
    }

    private LambdaNode ParseLambda(int arity)
    {
        var start = Advance();
        Expect("(");
        var parameters = new List<string>();
        if (!Accept(")"))
        {
            do
            {
                var name = Current;
                if (name.Kind != TokenKind.Name || (!name.Quoted && Keywords.Contains(name.Text)))
                {
                    throw Error("Expected a parameter name");
                }

                parameters.Add(Advance().Text);
            }
            while (Accept(","));
            Expect(")");
        }

        if (parameters.Count != arity)
        {
            throw Error($"The function must take {arity} parameters", start);
        }

        Enter();
        try
        {
            return Make(new LambdaNode(start.Position, parameters, ParseOr()));
        }
        finally
        {
            depth--;
        }
    }
}
