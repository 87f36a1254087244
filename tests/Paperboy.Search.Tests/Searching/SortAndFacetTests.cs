using Paperboy.Search.Indexing;
using Paperboy.Search.Tests.Reference;

namespace Paperboy.Search.Tests.Searching;

public class SortAndFacetTests
{
    private static SearchDocument Paper(string key, string title, string[] categories, string? date, int upvotes = 0) =>
        new(key, title, "", [], categories, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture).Year,
            date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), upvotes);

    private static readonly SearchDocument[] Papers =
    [
        Paper("old", "Graph neural networks for graphs", ["cs.LG"], "2019-03-01", upvotes: 5),
        Paper("new", "Graph sampling", ["cs.LG", "stat.ML"], "2024-06-30", upvotes: 1),
        Paper("undated", "Graph kernels", ["math.CO"], null, upvotes: 40),
        Paper("mid", "Graph transformers", ["cs.CL", "cs.LG"], "2022-01-15", upvotes: 5),
        Paper("other", "Tree search", ["cs.AI"], "2023-01-01", upvotes: 99),
    ];

    [Fact]
    public void Newest_first_puts_undated_papers_last()
    {
        var index = Docs.Index([.. Papers]);
        var results = index.Search(new SearchRequest("graph") { Sort = SearchSort.Newest });
        Assert.Equal(["new", "mid", "old", "undated"], results.Keys());
        Assert.Equal(4, results.TotalMatches);
    }

    [Fact]
    public void Most_upvoted_first_breaks_ties_by_relevance()
    {
        var index = Docs.Index([.. Papers]);
        var results = index.Search(new SearchRequest("graph") { Sort = SearchSort.MostUpvoted });
        // old and mid both have 5 upvotes; "graph" twice in old's title makes it more relevant.
        Assert.Equal(["undated", "old", "mid", "new"], results.Keys());
    }

    [Fact]
    public void Facets_count_every_match_not_only_the_page()
    {
        var index = Docs.Index([.. Papers]);
        var results = index.Search(new SearchRequest("graph") { Limit = 1, Facets = true });

        Assert.Single(results.Hits);
        Assert.Equal(
            [new FacetValue("cs.lg", 3), new FacetValue("cs.cl", 1), new FacetValue("math.co", 1), new FacetValue("stat.ml", 1)],
            results.Facets!.Categories);
        Assert.Equal([new FacetValue("2024", 1), new FacetValue("2022", 1), new FacetValue("2019", 1)], results.Facets.Years);
        Assert.Null(index.Search("graph").Facets);
    }

    [Fact]
    public void Facets_and_sorts_over_segments_with_deletions_equal_those_of_one_segment()
    {
        var random = new Random(5);
        var live = Enumerable.Range(0, 120).Select(i => DifferentialTests.RandomDocument(random, i) with
        {
            Date = new DateOnly(2000 + random.Next(25), 1 + random.Next(12), 1 + random.Next(28)),
            Upvotes = random.Next(6),
        }).ToList();
        var single = Docs.Index([.. live]);
        var layered = SegmentLayouts.Build(SegmentLayouts.Deletions, live, SearchSettings.Default, new Random(9));
        foreach (var query in new[] { "graph", "neural network", "cat:cs.LG", "tree -forest", "\"neural network\"" })
        {
            foreach (var sort in Enum.GetValues<SearchSort>())
            {
                var request = new SearchRequest(query) { Limit = 15, Sort = sort, Facets = true, Highlight = false };
                var expected = single.Search(request);
                var actual = layered.Search(request);
                Assert.Equal(expected.Keys(), actual.Keys());
                Assert.Equal(expected.Facets!.Categories, actual.Facets!.Categories);
                Assert.Equal(expected.Facets.Years, actual.Facets.Years);
            }
        }
    }
}
