using Ctms.Engine.Feel.Ast;

namespace Ctms.Engine.Feel.Syntax;

/// <summary>The positive unary tests after 'in': comparisons, ranges, expressions, and parenthesized lists of them.</summary>
internal sealed partial class Parser
{
    private List<UnaryTest> ParseInTests()
    {
        if (!Current.IsPunctuation("(") || Peek().IsPunctuation(")"))
        {
            return [ParseUnaryTest()];
        }

        var save = pos;
        var open = Advance();
        if (IsComparator(Current))
        {
            return ParseTestList(null);
        }

        var first = ParseExpression();
        if (Accept(".."))
        {
            var high = ParseRangeEnd();
            return [Make(new RangeTest(open.Position, lowClosed: false, first, high, ExpectRangeEnd()))];
        }

        if (Current.IsPunctuation(","))
        {
            return ParseTestList(Make(new ExpressionTest(first.Position, first)));
        }

        pos = save;
        return [ParseUnaryTest()];
    }

    private List<UnaryTest> ParseTestList(UnaryTest? first)
    {
        var tests = new List<UnaryTest>();
        if (first is not null)
        {
            tests.Add(first);
            Expect(",");
        }

        do
        {
            tests.Add(ParseUnaryTest());
        }
        while (Accept(","));
        Expect(")");
        return tests;
    }

    private UnaryTest ParseUnaryTest()
    {
        var start = Current;
        if (IsComparator(start))
        {
            Advance();
            return Make(new ComparisonTest(start.Position, start.Text, ParseAdditive()));
        }

        var opensRange = start.IsPunctuation("[") || start.IsPunctuation("]") || start.IsPunctuation("(");
        if (opensRange && !Peek().IsPunctuation("]") && !Peek().IsPunctuation(")"))
        {
            var save = pos;
            Advance();
            var low = ParseExpression();
            if (Accept(".."))
            {
                var high = ParseRangeEnd();
                return Make(new RangeTest(start.Position, start.IsPunctuation("["), low, high, ExpectRangeEnd()));
            }

            pos = save;
        }

        return Make(new ExpressionTest(start.Position, ParseAdditive()));
    }

    /// <summary>A type name after 'instance of', such as number or date and time (the longest known name wins).</summary>
    private string ParseTypeName()
    {
        var start = Current;
        foreach (var name in InstanceOfNode.TypeNames.Keys.OrderByDescending(n => n.Length))
        {
            var words = name.Split(' ');
            if (Enumerable.Range(0, words.Length).All(i => Peek(i).Kind == TokenKind.Name && Peek(i).Text == words[i]))
            {
                pos += words.Length;
                return name;
            }
        }

        throw Error("Expected a type name", start);
    }

    /// <summary>The high end of a range: a '[' after it closes the range (]1..10[) rather than starting a filter.</summary>
    private Node ParseRangeEnd()
    {
        var saved = filterlessDepth;
        filterlessDepth = depth + 1;
        try
        {
            return ParseExpression();
        }
        finally
        {
            filterlessDepth = saved;
        }
    }

    /// <summary>Reads the closing bracket of a range: ']' includes the end, ')' or '[' excludes it.</summary>
    private bool ExpectRangeEnd()
    {
        if (Accept("]"))
        {
            return true;
        }

        return Accept(")") || Accept("[") ? false : throw Error("Expected ']' or ')' to close the range");
    }
}
