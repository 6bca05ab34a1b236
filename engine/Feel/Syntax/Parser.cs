using System.Globalization;
using System.Runtime.CompilerServices;
using Ctms.Engine.Feel.Ast;
using Ctms.Engine.Feel.Values;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>
/// A recursive-descent parser for the FEEL subset. Precedence, lowest first: if/for/some/every,
/// or, and, comparison (= != &lt; &lt;= &gt; &gt;= between in instance of), + -, * /, **, unary -, postfix (. [] ()).
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> Keywords =
    [
        "and", "or", "if", "then", "else", "for", "in", "return", "some", "every", "satisfies",
        "between", "instance", "of", "true", "false", "null", "function",
    ];

    private readonly List<Token> tokens;
    private int pos;
    private int depth;
    private int filterlessDepth = -1;

    private Parser(string text) => tokens = Lexer.Tokenize(text);

    private Token Current => tokens[pos];

    public static Node Parse(string text)
    {
        if (text.Length > ValueLimits.MaxTextLength)
        {
            throw new FeelSyntaxException($"Expression is longer than {ValueLimits.MaxTextLength} characters at position 0", 0);
        }

        var parser = new Parser(text);
        var node = parser.ParseExpression();
        return parser.Current.Kind == TokenKind.End ? node : throw parser.Unexpected();
    }

    private Node ParseExpression()
    {
        Enter();
        try
        {
            return ParseOr();
        }
        finally
        {
            depth--;
        }
    }

    private Node ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsWord("or"))
        {
            var op = Advance();
            left = Make(new LogicNode(op.Position, isAnd: false, left, ParseAnd()));
        }

        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseComparison();
        while (Current.IsWord("and"))
        {
            var op = Advance();
            left = Make(new LogicNode(op.Position, isAnd: true, left, ParseComparison()));
        }

        return left;
    }

    private Node ParseComparison()
    {
        var left = ParseAdditive();
        while (true)
        {
            var op = Current;
            if (IsComparator(op))
            {
                Advance();
                left = Make(new CompareNode(op.Position, op.Text, left, ParseAdditive()));
            }
            else if (op.IsWord("between"))
            {
                Advance();
                var low = ParseAdditive();
                ExpectWord("and");
                left = Make(new BetweenNode(op.Position, left, low, ParseAdditive()));
            }
            else if (op.IsWord("in"))
            {
                Advance();
                left = Make(new InNode(op.Position, left, ParseInTests()));
            }
            else if (op.IsWord("instance") && Peek().IsWord("of"))
            {
                pos += 2;
                left = Make(new InstanceOfNode(op.Position, left, ParseTypeName()));
            }
            else
            {
                return left;
            }
        }
    }

    private Node ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.IsPunctuation("+") || Current.IsPunctuation("-"))
        {
            var op = Advance();
            left = Make(new ArithmeticNode(op.Position, op.Text, left, ParseMultiplicative()));
        }

        return left;
    }

    private Node ParseMultiplicative()
    {
        var left = ParseExponent();
        while (Current.IsPunctuation("*") || Current.IsPunctuation("/"))
        {
            var op = Advance();
            left = Make(new ArithmeticNode(op.Position, op.Text, left, ParseExponent()));
        }

        return left;
    }

    private Node ParseExponent()
    {
        var left = ParseUnary();
        while (Current.IsPunctuation("**"))
        {
            var op = Advance();
            left = Make(new ArithmeticNode(op.Position, op.Text, left, ParseUnary()));
        }

        return left;
    }

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

    private static bool IsComparator(Token token) =>
        token.Kind == TokenKind.Punctuation && token.Text is "=" or "!=" or "<" or "<=" or ">" or ">=";

    private Token Peek(int offset = 1) => tokens[Math.Min(pos + offset, tokens.Count - 1)];

    private Token Advance()
    {
        var token = tokens[pos];
        pos = Math.Min(pos + 1, tokens.Count - 1);
        return token;
    }

    private bool Accept(string punctuation)
    {
        if (!Current.IsPunctuation(punctuation))
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(string punctuation) =>
        Current.IsPunctuation(punctuation) ? Advance() : throw Error($"Expected '{punctuation}'");

    private void ExpectWord(string word)
    {
        if (!Current.IsWord(word))
        {
            throw Error($"Expected '{word}'");
        }

        Advance();
    }

    private FeelSyntaxException Error(string message, Token? at = null)
    {
        var token = at ?? Current;
        var found = token.Kind == TokenKind.End ? "end of expression" : token.Describe();
        return new FeelSyntaxException(
            string.Create(CultureInfo.InvariantCulture, $"{message} at position {token.Position} (found {found})"),
            token.Position);
    }

    private FeelSyntaxException Unexpected() => Current.Kind == TokenKind.End
        ? new FeelSyntaxException($"Unexpected end of expression at position {Current.Position}", Current.Position)
        : new FeelSyntaxException($"Unexpected {Current.Describe()} at position {Current.Position}", Current.Position);

    private void Enter()
    {
        if (++depth > ValueLimits.MaxNesting)
        {
            throw new FeelSyntaxException(
                $"Expression is nested more than {ValueLimits.MaxNesting} levels deep at position {Current.Position}", Current.Position);
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
    }

    private static T Make<T>(T node)
        where T : Node => node.Height <= ValueLimits.MaxTreeHeight
            ? node
            : throw new FeelSyntaxException(
                $"Expression is nested more than {ValueLimits.MaxTreeHeight} levels deep at position {node.Position}", node.Position);
}
