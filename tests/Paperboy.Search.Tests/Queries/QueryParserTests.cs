using Paperboy.Search.Queries;

namespace Paperboy.Search.Tests.Queries;

public class QueryParserTests
{
    private static ParsedQuery Parse(string? text) => QueryParser.Parse(text, SearchSettings.Default);

    [Theory]
    [InlineData("graph neural networks", "graph neural networks")]
    [InlineData("\"graph neural networks\"", "\"graph neural networks\"")]
    [InlineData("+graph -tree", "+graph -tree")]
    [InlineData("-\"decision tree\" forest", "-\"decision tree\" forest")]
    [InlineData("title:transformer", "title:transformer")]
    [InlineData("ti:transformer abstract:attention au:Vaswani", "title:transformer abs:attention author:Vaswani")]
    [InlineData("TITLE:\"attention is all\"", "title:\"attention is all\"")]
    [InlineData("author:\"Geoffrey Hinton\"", "author:\"Geoffrey Hinton\"")]
    [InlineData("cat:cs.LG", "cat:cs.lg")]
    [InlineData("-cat:cs.CV", "-cat:cs.cv")]
    [InlineData("year:2021", "year:2021")]
    [InlineData("year:2020..2024", "year:2020..2024")]
    [InlineData("year:2020..", "year:2020..")]
    [InlineData("year:..2019", "year:..2019")]
    [InlineData("year:2024..2020", "year:2020..2024")]
    [InlineData("year:2019-2021", "year:2019..2021")]
    [InlineData("a1 AND b2", "+a1 +b2")]
    [InlineData("a1 AND b2 c3", "+a1 +b2 c3")]
    [InlineData("a1 OR b2", "a1 b2")]
    [InlineData("a1 NOT b2", "a1 -b2")]
    [InlineData("a1 && b2 || c3", "+a1 +b2 c3")]
    [InlineData("graph and tree", "graph tree")]
    public void Parser_reads_every_syntax_form(string query, string canonical)
    {
        Assert.Equal(canonical, Parse(query).ToString());
    }

    [Theory]
    [InlineData("\"unbalanced quote here", "\"unbalanced quote here\"")]
    [InlineData("AND", "")]
    [InlineData("OR OR AND", "")]
    [InlineData("graph AND", "+graph")]
    [InlineData("AND graph", "graph")]
    [InlineData("title:", "")]
    [InlineData("title: graph", "graph")]
    [InlineData("+ - ++ --", "")]
    [InlineData("---graph", "-graph")]
    [InlineData("year:abc year: year:.. year:99999", "")]
    [InlineData("cat:", "")]
    [InlineData("\"\"", "")]
    [InlineData("the of and", "")]
    [InlineData("unknown:field", "unknown:field")]
    [InlineData("graph graph GRAPH", "graph")]
    [InlineData("x\u0000y\u0007z\tw", "x y z w")]
    [InlineData("\"deep\u0001learning\"", "\"deep learning\"")]
    public void Parser_turns_garbage_into_something_sensible(string query, string canonical)
    {
        Assert.Equal(canonical, Parse(query).ToString());
    }

    [Fact]
    public void Parser_accepts_null_and_empty_queries()
    {
        Assert.True(Parse(null).IsEmpty);
        Assert.True(Parse("").IsEmpty);
        Assert.True(Parse("   \t\n").IsEmpty);
    }

    [Fact]
    public void Parser_cuts_a_ten_thousand_character_query_and_caps_the_clauses()
    {
        var random = new Random(3);
        var chars = new char[10_000];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)random.Next(0, 0x3000);
        }
        var garbage = Parse(new string(chars));
        Assert.True(garbage.Text.Length <= SearchSettings.Default.MaxQueryLength);

        var words = string.Join(' ', Enumerable.Range(0, 2000).Select(i => $"w{i}"));
        var parsed = Parse(words);
        Assert.Equal(SearchSettings.Default.MaxClauses, parsed.PositiveTerms.Count);
        Assert.Equal("w0", parsed.PositiveTerms[0]);
    }

    [Fact]
    public void Parser_never_throws_on_random_syntax_soup()
    {
        var random = new Random(11);
        string[] pieces = ["\"", "+", "-", "title:", "cat:", "year:", "..", "AND", "OR", "NOT", "graph", " ", ":", "é", "\u0000", "\uD83D", "year:2020..", "author:"];
        for (var n = 0; n < 2000; n++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            _ = Parse(query).ToString();
        }
    }

    [Fact]
    public void Positive_terms_leave_out_exclusions_and_filters()
    {
        var parsed = Parse("graph +\"neural network\" -tree cat:cs.LG year:2020");
        Assert.Equal(["graph", "neural network"], parsed.PositiveTerms);
        Assert.Equal(new HashSet<string> { "graph", "neural", "network" }, parsed.HighlightTerms);
    }

    [Fact]
    public void Filter_only_query_has_no_scoring_clauses_but_is_not_empty()
    {
        var parsed = Parse("cat:cs.CL");
        Assert.False(parsed.HasScoringClauses);
        Assert.False(parsed.IsEmpty);
        Assert.True(Parse("-graph").IsEmpty);
    }

    [Fact]
    public void Hyphenated_word_becomes_a_phrase_in_the_query_tree()
    {
        var clause = Assert.Single(Parse("gpt-4").Clauses);
        Assert.Equal("gpt-4", clause.Text);
        Assert.Equal(Occur.Should, clause.Occur);
        Assert.Null(clause.Field);
    }
}
