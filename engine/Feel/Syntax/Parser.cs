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

    private Node ParseAdditive() => ParseLeftAssociative(ParseMultiplicative, "+", "-");

    private Node ParseMultiplicative() => ParseLeftAssociative(ParseExponent, "*", "/");

    /// <summary>Exponentiation is left associative and binds looser than unary minus, as in the DMN TCK: -3 ** 2 = 9.</summary>
    private Node ParseExponent() => ParseLeftAssociative(ParseUnary, "**");

    private Node ParseLeftAssociative(Func<Node> operand, params string[] operators)
    {
        var left = operand();
        while (Current.Kind == TokenKind.Punctuation && operators.Contains(Current.Text))
        {
            var op = Advance();
            left = Make(new ArithmeticNode(op.Position, op.Text, left, operand()));
        }

        return left;
    }
}
