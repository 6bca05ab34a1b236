using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Functions;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>Function calls with positional or named arguments, resolved against the built-ins at parse time.</summary>
internal sealed partial class Parser
{
    private CallNode ParseCall(string name, Token start)
    {
        var overloads = FunctionTable.Overloads(name);
        if (overloads.Count == 0)
        {
            throw new FeelSyntaxException($"Unknown function '{name}' at position {start.Position}", start.Position);
        }

        Expect("(");
        var positional = new List<Node>();
        var named = new List<(string Name, Node Value, Token At)>();
        if (!Accept(")"))
        {
            do
            {
                if (NamedArgumentAhead() is { } words)
                {
                    var at = Current;
                    var argument = string.Join(' ', Enumerable.Range(0, words).Select(i => Peek(i).Text));
                    pos += words + 1;
                    named.Add((argument, ParseArgument(name, named.Count, argument), at));
                }
                else
                {
                    positional.Add(ParseArgument(name, positional.Count, null));
                }

                if (named.Count > 0 && positional.Count > 0)
                {
                    throw Error("Named and positional arguments cannot be mixed", start);
                }
            }
            while (Accept(","));
            Expect(")");
        }

        return named.Count == 0 ? Positional(name, start, overloads, positional) : Named(name, start, overloads, named);
    }

    /// <summary>The number of name tokens before a ':' when the next argument is named, else null.</summary>
    private int? NamedArgumentAhead()
    {
        var words = 0;
        while (Peek(words).Kind == TokenKind.Name)
        {
            words++;
        }

        return words > 0 && Peek(words).IsPunctuation(":") ? words : null;
    }

    private static CallNode Positional(string name, Token start, IReadOnlyList<Builtin> overloads, List<Node> args)
    {
        var function = overloads.FirstOrDefault(o => o.Accepts(args.Count))
            ?? throw new FeelSyntaxException(
                $"Function '{name}' takes {string.Join(" or ", overloads.Select(o => o.DescribeArity()))}, not {args.Count}, at position {start.Position}",
                start.Position);
        return Make(new CallNode(start.Position, function, args));
    }

    private static CallNode Named(string name, Token start, IReadOnlyList<Builtin> overloads, List<(string Name, Node Value, Token At)> args)
    {
        var names = args.Select(a => a.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new FeelSyntaxException($"Function '{name}' is given a parameter twice at position {start.Position}", start.Position);
        }

        var function = overloads.FirstOrDefault(o => o.Accepts(names))
            ?? throw new FeelSyntaxException(
                $"Function '{name}' has no signature with parameters ({string.Join(", ", names)}) at position {start.Position}; "
                + $"expected ({string.Join(") or (", overloads.Select(o => string.Join(", ", o.Parameters)))})",
                start.Position);
        var ordered = new Node[args.Max(a => IndexOf(function.Parameters, a.Name)) + 1];
        for (var i = 0; i < ordered.Length; i++)
        {
            var given = args.FindIndex(a => a.Name == function.Parameters[i]);
            ordered[i] = given >= 0 ? args[given].Value : Make(new LiteralNode(start.Position, null));
        }

        return Make(new CallNode(start.Position, function, ordered));
    }

    private static int IndexOf(IReadOnlyList<string> parameters, string name)
    {
        for (var i = 0; i < parameters.Count; i++)
        {
            if (parameters[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
