using System.Text;
using Paperboy.Search.Queries;
using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Queries;

/// <summary>
/// Garbage thrown at the parser and at a real index: every input gets the reading docs/SEARCH.md
/// promises ("Garbage in"), and none throws. The fuzz test checks what must hold for any query.
/// </summary>
public class QueryRobustnessTests
{
    private static readonly SearchIndex Corpus = Index(
        Doc("deep", "Deep learning for graphs", "We train deep networks on graph data.", ["Ada Lovelace"], ["cs.LG"], 2022),
        Doc("title", "Title generation with x-rays", "Titles for radiology reports.", ["Grace Hopper"], ["cs.CL"], 2020),
        Doc("hebrew", "שלום עולם", "מאמר על למידה עמוקה", ["Dan Cohen"], ["cs.AI"], 2024),
        Doc("arabic", "تعلم عميق", "شبكات عصبية", ["Omar Khayyam"], ["cs.AI"], 2019),
        Doc("rocket", "Rocket launch prediction", "Learning when rockets launch.", ["Wernher Braun"], ["physics.ao-ph"], 2021),
        Doc("undated", "Deep sea learning", "Fish and graphs.", [], ["q-bio.PE"], null));

    private static ParsedQuery Parse(string text) => QueryParser.Parse(text, SearchSettings.Default);

    [Theory]
    [InlineData("\"deep learning", "\"deep learning\"")]
    [InlineData("AND", "")]
    [InlineData("OR OR", "")]
    [InlineData("NOT", "")]
    [InlineData("+", "")]
    [InlineData("+-graph", "+graph")]
    [InlineData("-", "")]
    [InlineData("\"", "")]
    [InlineData("year:", "")]
    [InlineData("cat:", "")]
    [InlineData("title:", "")]
    [InlineData("title:title:x", "title:x")]
    [InlineData("title:abs:deep", "title:deep")]
    [InlineData("year:year:2021", "year:2021")]
    [InlineData("year:2024..2020", "year:2020..2024")]
    [InlineData("year:abc", "")]
    [InlineData("year:99999999999", "")]
    [InlineData("year:0", "")]
    [InlineData("year:..", "")]
    [InlineData("year:-5", "")]
    [InlineData("\0", "")]
    [InlineData("deep\0learning", "deep learning")]
    [InlineData("deep\u0001learning", "deep learning")]
    [InlineData("deep\u200Blearning", "deep learning")]
    [InlineData("deep\uFFFDlearning", "deep learning")]
    [InlineData("\"deep\uFFFDlearning\"", "\"deep learning\"")]
    [InlineData("cat:\"cs.LG  physics\"", "cat:\"cs.lg physics\"")]
    [InlineData("cat:\"title:x\"", "cat:\"title:x\"")]
    [InlineData("\U0001F680 rocket", "rocket")]
    [InlineData("\U0001F680\U0001F525", "")]
    [InlineData("שלום עולם", "שלום עולם")]
    [InlineData("the of and a an", "")]
    [InlineData("?.,;:()[]{}<>/\\|", "")]
    [InlineData("!!! ... ???", "")]
    public void Garbage_is_read_as_docs_search_md_says(string query, string canonical)
    {
        Assert.Equal(canonical, Parse(query).ToString());
    }

    // Not [InlineData]: xunit turns a lone surrogate in test data into U+FFFD before the test sees it.
    [Fact]
    public void Lone_surrogates_separate_words_and_never_reach_the_canonical_form()
    {
        const char high = '\uD800';
        const char low = '\uDC00';
        Assert.Equal("", Parse(high.ToString()).ToString());
        Assert.Equal("deep learning", Parse($"deep{high}learning").ToString());
        Assert.Equal("deep", Parse($"deep{low}").ToString());
        Assert.Equal("\"deep learning\"", Parse($"\"deep{low}{high}learning\"").ToString());
        Assert.Equal("deep \U0001F680x", Parse($"deep{high} \U0001F680x").ToString());
        Assert.Equal(["deep", "rocket", "undated"], Corpus.Search($"{high}deep{low}learning{high}").Keys().Order());
    }

    [Theory]
    [InlineData("\"deep learning", new[] { "deep" })]
    [InlineData("title:title:generation", new[] { "title" })]
    [InlineData("learning year:2024..2020", new[] { "deep", "rocket" })]
    [InlineData("learning year:99999999999", new[] { "deep", "undated", "rocket" })]
    [InlineData("deep\u200Blearning", new[] { "deep", "rocket", "undated" })]
    [InlineData("\U0001F680 rocket", new[] { "rocket" })]
    [InlineData("שלום", new[] { "hebrew" })]
    [InlineData("عميق", new[] { "arabic" })]
    [InlineData("\u200Fשלום\u200E", new[] { "hebrew" })]
    public void Garbage_around_real_words_still_finds_them(string query, string[] keys)
    {
        Assert.Equal(keys.Order(), Corpus.Search(query).Keys().Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("AND")]
    [InlineData("OR OR")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData("\"")]
    [InlineData("year:")]
    [InlineData("cat:")]
    [InlineData("title:")]
    [InlineData("year:abc")]
    [InlineData("\0\u0001\u200B\uFFFD")]
    [InlineData("the of and")]
    [InlineData("?.,;:()")]
    public void Garbage_with_nothing_to_search_matches_nothing(string query)
    {
        var results = Corpus.Search(query);
        Assert.Equal(0, results.TotalMatches);
        Assert.Empty(results.Hits);
        Assert.Equal(0, Corpus.Count(query));
    }

    [Fact]
    public void Ten_thousand_character_queries_are_cut_and_still_searched()
    {
        var random = new Random(5);
        var noise = new string([.. Enumerable.Range(0, 10_000).Select(_ => (char)random.Next(0, 0x10000))]);
        var words = string.Concat(Enumerable.Repeat("deep learning ", 10_000 / 14 + 1))[..10_000];
        var quote = "\"" + new string('x', 9_999);
        // A surrogate pair straddling the cut must not leave half of it behind.
        var pairs = string.Concat(Enumerable.Repeat("\U0001F680", 5_000));

        foreach (var query in new[] { noise, words, quote, pairs, new string('-', 10_000), new string(':', 10_000) })
        {
            var results = Corpus.Search(query);
            Assert.True(results.Query.Text.Length <= SearchSettings.Default.MaxQueryLength);
            Assert.True(results.Hits.Count <= 10);
        }
        Assert.Equal(["deep", "rocket", "undated"], Corpus.Search(words).Keys().Order());
        Assert.False(char.IsHighSurrogate(Corpus.Search(pairs).Query.Text[^1]));
    }

    [Fact]
    public void Paging_far_past_the_end_or_with_extreme_values_gives_an_empty_page()
    {
        Assert.Empty(Corpus.Search("learning", limit: 10, offset: int.MaxValue).Hits);
        Assert.Equal(3, Corpus.Search("learning", limit: int.MaxValue, offset: int.MaxValue).TotalMatches);
        Assert.Equal(3, Corpus.Search("learning", limit: int.MaxValue).Hits.Count);
        Assert.Empty(Corpus.Search("learning", limit: 0).Hits);
        Assert.Empty(Corpus.Search("learning", limit: -1, offset: -1).Hits);
    }

    [Fact]
    public void Random_syntax_soup_never_throws_and_keeps_the_result_invariants()
    {
        string[] alphabet =
        [
            "\"", ":", "+", "-", "!", "AND", "OR", "NOT", "&&", "||", "title:", "abs:", "author:", "cat:", "year:",
            "..", ".", "(", ")", " ", " ", " ", "deep", "learning", "graph", "rocket", "x", "e", "cs.LG", "2020",
            "2024", "9", "0", "\0", "\u0001", "\t", "\n", "\u200B", "\u200F", "\uD800", "\uDC00", "\U0001F680", "é", "ß",
            "שלום", "the",
        ];
        var random = new Random(20261124);
        for (var n = 0; n < 3_000; n++)
        {
            var builder = new StringBuilder();
            var pieces = random.Next(1, 16);
            for (var p = 0; p < pieces; p++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var query = builder.ToString();
            var limit = random.Next(1, 6);
            var offset = random.Next(0, 3);

            var results = Corpus.Search(query, limit, offset);

            var context = $"query #{n}: {Escape(query)}";
            Assert.True(results.Hits.Count <= limit, context);
            Assert.True(results.TotalMatches >= results.Hits.Count + (results.Hits.Count > 0 ? offset : 0), context);
            Assert.Equal(results.TotalMatches, Corpus.Count(query));
            Assert.Equal(results.Hits.Count, results.Hits.Select(h => h.Key).Distinct().Count());
            for (var i = 1; i < results.Hits.Count; i++)
            {
                Assert.True(results.Hits[i - 1].Score >= results.Hits[i].Score, context);
            }
            // The canonical form is a query too, and reads the same again.
            var canonical = results.Query.ToString();
            var again = Parse(canonical).ToString();
            Assert.True(canonical == again, $"{context} reads as {Escape(canonical)}, which reads as {Escape(again)}");
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or (>= '\u200B' and <= '\u200F') || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
