using Paperboy.Search.Highlighting;
using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Highlighting;

public class HighlighterTests
{
    private static (string Text, bool IsMatch)[] Parts(Snippet snippet) => [.. snippet.Parts.Select(p => (p.Text, p.IsMatch))];

    [Fact]
    public void Title_is_returned_whole_with_analyzed_matches_marked()
    {
        var index = Index(Doc("a", "Graph Neural Networks: a survey"));
        var hit = Assert.Single(index.Search("network survey").Hits);
        Assert.Equal(
            [("Graph Neural ", false), ("Networks", true), (": a ", false), ("survey", true)],
            Parts(hit.Title));
    }

    [Fact]
    public void Short_abstract_is_returned_whole()
    {
        var index = Index(Doc("a", "Title", "We study clustering of graphs."));
        var hit = Assert.Single(index.Search("graph").Hits);
        Assert.Equal([("We study clustering of ", false), ("graphs", true), (".", false)], Parts(hit.Abstract));
        Assert.Equal("We study clustering of graphs.", hit.Abstract.Text);
    }

    [Fact]
    public void Long_abstract_is_cut_to_the_window_with_the_most_distinct_matches()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 60).Select(i => $"filler{i}"));
        var text = $"Graph intro. {filler} Here graph pruning meets sparse transformers. {filler}";
        var index = Index(Doc("a", "Title", text));
        var hit = Assert.Single(index.Search("graph pruning transformers").Hits);
        var parts = hit.Abstract.Parts;
        Assert.Equal("… ", parts[0].Text);
        Assert.Equal(" …", parts[^1].Text);
        Assert.Equal(["graph", "pruning", "transformers"], parts.Where(p => p.IsMatch).Select(p => p.Text));
        Assert.DoesNotContain("Graph intro", hit.Abstract.Text);
        var words = hit.Abstract.Text.Trim('…', ' ').Split(' ');
        Assert.Equal(SearchSettings.Default.SnippetWords, words.Length);
    }

    [Fact]
    public void The_best_window_is_shifted_so_its_matches_have_context_on_both_sides()
    {
        string?[] matched = new string?[100];
        matched[50] = "flow";
        matched[52] = "rectified";

        int start = Highlighter.Centered(matched, Highlighter.BestWindow(matched, 20), 20);

        // Three matched words span 50..52; the 17 spare words split 8 before and 9 after.
        Assert.Equal(42, start);
    }

    [Fact]
    public void A_centered_window_never_runs_past_either_end()
    {
        string?[] matched = new string?[40];
        matched[1] = "a";
        matched[38] = "b";

        Assert.Equal(0, Highlighter.Centered(matched, 0, 20));
        Assert.Equal(20, Highlighter.Centered(matched, 20, 20));
    }

    [Fact]
    public void Long_abstract_without_matches_shows_its_beginning()
    {
        var text = string.Join(' ', Enumerable.Range(0, 80).Select(i => $"w{i}"));
        var index = Index(Doc("a", "Graph", text));
        var hit = Assert.Single(index.Search("graph").Hits);
        Assert.StartsWith("w0 w1 w2", hit.Abstract.Text);
        Assert.EndsWith(" …", hit.Abstract.Text);
        Assert.False(hit.Abstract.HasMatch);
    }

    [Fact]
    public void Excluded_and_author_only_terms_are_not_highlighted()
    {
        var index = Index(Doc("a", "Graph trees by Smith", "Graph trees.", authors: ["Ann Smith"]));
        var hit = Assert.Single(index.Search("graph -forest author:smith").Hits);
        Assert.Equal(["Graph"], hit.Title.Parts.Where(p => p.IsMatch).Select(p => p.Text));
    }

    [Fact]
    public void Snippets_carry_text_verbatim_and_never_add_markup()
    {
        var index = Index(Doc("a", "<b>Graph</b> & co", "x < y"));
        var hit = Assert.Single(index.Search("graph").Hits);
        Assert.Equal("<b>Graph</b> & co", hit.Title.Text);
        Assert.Equal([("<b>", false), ("Graph", true), ("</b> & co", false)], Parts(hit.Title));
        Assert.Equal("x < y", hit.Abstract.Text);
    }

    [Fact]
    public void Filter_only_query_highlights_nothing()
    {
        var index = Index(Doc("a", "Graph", categories: ["cs.LG"]));
        var hit = Assert.Single(index.Search("cat:cs.LG").Hits);
        Assert.Equal([("Graph", false)], Parts(hit.Title));
        Assert.Same(Snippet.Empty, hit.Abstract);
    }
}
